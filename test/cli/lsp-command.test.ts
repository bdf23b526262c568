import { afterEach, describe, expect, it } from 'vitest';
import { LspProcess } from '../server/lsp-client.js';
import { CLI } from './run-cli.js';

let server: LspProcess | undefined;
afterEach(async () => {
    await server?.stop();
    server = undefined;
});

describe('cycle lsp', () => {
    it('runs the language server over standard input and output, as editors other than VS Code start it', async () => {
        server = new LspProcess([CLI, 'lsp', '--stdio']);
        await server.initialize(null);
        const uri = 'untitled:Untitled-1';
        const published = server.waitForDiagnostics(uri);
        await server.open(uri, 'cycle desk "Desk"\n  goal "Cash"\n  moment wait "Waits"\n    critical\n      risk "Too long"\n');
        expect((await published).map(d => String(d.code))).toContain('critical-unmitigated');
        expect(server.exited).toBe(false);
    }, 60_000);
});
