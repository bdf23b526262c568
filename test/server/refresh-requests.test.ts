import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspProcess } from './lsp-client.js';

const uri = 'file:///refresh/a.cycle';
const text = (label: string) => `cycle c "x"\n  goal "g"\n  moment m "${label}"\n`;
const lensRefreshes = () => server.refreshes.get('workspace/codeLens/refresh') ?? 0;
let server: LspProcess;

beforeAll(async () => {
    server = new LspProcess();
    await server.initialize(null);
});

afterAll(async () => {
    await server?.stop();
});

async function settle(): Promise<void> {
    await new Promise(resolve => setTimeout(resolve, 300));
}

/**
 * The code lens, inlay hints and semantic tokens an editor asked for at open time may
 * have been cancelled by the open-time rebuild: the server asks it to refresh them
 * after the full validation that opening a document starts, and not on every keystroke.
 */
describe('refresh requests', () => {
    it('asks for a refresh when a document has been opened and validated', async () => {
        const published = server.waitForDiagnostics(uri);
        await server.open(uri, text('First'));
        await published;
        await expect.poll(lensRefreshes, { timeout: 10_000 }).toBeGreaterThan(0);
    });

    it('does not ask again while the document is typed in', async () => {
        await settle();
        const before = lensRefreshes();
        for (let version = 2; version < 6; version++) {
            const published = server.waitForDiagnostics(uri);
            await server.change(uri, text(`Typed ${version}`), version);
            await published;
        }
        await settle();
        expect(lensRefreshes()).toBe(before);
    });

    it('asks again when the document is closed and opened again', async () => {
        const before = lensRefreshes();
        await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        const published = server.waitForDiagnostics(uri);
        await server.open(uri, text('Again'));
        await published;
        await expect.poll(lensRefreshes, { timeout: 10_000 }).toBeGreaterThan(before);
    });
});
