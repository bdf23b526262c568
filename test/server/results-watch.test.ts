import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspProcess } from './lsp-client.js';

/* The real server over stdio: survey results files on disk, and the editor's watcher telling it they changed. */

const folder = mkdtempSync(join(tmpdir(), 'cycle-lsp-results-'));
const uriOf = (name: string) => pathToFileURL(join(folder, name)).toString();
const TEXT = `cycle c "C"
  goal "Done"
  moment m1 "First"
    achieves goal
  survey s "Exit"
    results "answers/w.csv"
    question q1 "How was it?"
      about m1
      answer scale 1..5
`;
const csv = (values: number[]) => ['q1', ...values.map(String)].join('\n') + '\n';

let server: LspProcess;
const registrations: unknown[] = [];
const cycle = uriOf('c.cycle');

beforeAll(async () => {
    rmSync(join(folder, 'answers'), { recursive: true, force: true });
    writeFileSync(join(folder, 'c.cycle'), TEXT);
    server = new LspProcess();
    server.connection.onRequest('client/registerCapability', params => { registrations.push(params); return null; });
    await server.initialize(pathToFileURL(folder).toString());
});

afterAll(async () => {
    await server?.stop();
});

describe('survey results in the editor', () => {
    it('watches *.csv files', async () => {
        await expect.poll(() => JSON.stringify(registrations), { timeout: 10_000 }).toContain('**/*.csv');
    });

    it('re-publishes diagnostics when a results file is created, changed or deleted on disk, and hover shows the CSAT', async () => {
        let published = server.waitForDiagnostics(cycle, d => d.some(x => x.code === 'results-unreadable'));
        await server.open(cycle, TEXT);
        await published;

        // Created: 8 of 10 in the top two boxes.
        await import('node:fs').then(fs => fs.mkdirSync(join(folder, 'answers'), { recursive: true }));
        writeFileSync(join(folder, 'answers', 'w.csv'), csv([5, 5, 5, 5, 4, 4, 4, 4, 2, 1]));
        published = server.waitForDiagnostics(cycle, d => !d.some(x => x.code === 'results-unreadable'));
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('answers/w.csv'), type: 1 }] });
        await published;

        const hover = await server.request<Hover>('textDocument/hover', { textDocument: { uri: cycle }, position: { line: 2, character: 10 } });
        const text = JSON.stringify(hover.contents);
        expect(text).toContain('CSAT **80%**');
        expect(text).toContain('n = 10');

        // Changed: a 7 on a 1..5 scale in row 3.
        writeFileSync(join(folder, 'answers', 'w.csv'), csv([5, 7, 5]));
        published = server.waitForDiagnostics(cycle, d => d.some(x => x.code === 'answer-out-of-scale'));
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('answers/w.csv'), type: 2 }] });
        const diagnostics = await published;
        const outOfScale = diagnostics.find(d => d.code === 'answer-out-of-scale')!;
        expect(outOfScale.range.start.line).toBe(5);
        expect(outOfScale.relatedInformation?.[0].location.uri).toBe(uriOf('answers/w.csv'));
        expect(outOfScale.relatedInformation?.[0].location.range.start.line).toBe(2);

        // Deleted.
        rmSync(join(folder, 'answers', 'w.csv'));
        published = server.waitForDiagnostics(cycle, d => d.some(x => x.code === 'results-unreadable'));
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('answers/w.csv'), type: 3 }] });
        await published;
    });

    it('logged no error along the way', () => {
        expect(server.errors.join('\n')).toBe('');
        expect(server.exited).toBe(false);
    });
});
