import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspProcess } from './lsp-client.js';
import { RESULTS_CYCLE, resultsWorkspace } from './results-workspace.js';

/* The real server over stdio: survey results files on disk, and the editor's watcher telling it they changed. */

const workspace = resultsWorkspace('cycle-lsp-results-');
const { folder, cycle } = workspace;
/** Where the cycle names its answers file (0-based): an answer's finding points there. */
const RESULTS_LINE = RESULTS_CYCLE.split('\n').findIndex(line => line.trim().startsWith('results '));

let server: LspProcess;
const registrations: unknown[] = [];

beforeAll(async () => {
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
        await server.open(cycle, RESULTS_CYCLE);
        await published;

        // Created: 8 of 10 in the top two boxes.
        workspace.writeAnswers([5, 5, 5, 5, 4, 4, 4, 4, 2, 1]);
        published = server.waitForDiagnostics(cycle, d => !d.some(x => x.code === 'results-unreadable'));
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.answers, type: 1 }] });
        await published;

        const hover = await server.request<Hover>('textDocument/hover', { textDocument: { uri: cycle }, position: { line: 2, character: 10 } });
        const text = JSON.stringify(hover.contents);
        expect(text).toContain('CSAT **80%**');
        expect(text).toContain('n = 10');

        // Changed: a 7 on a 1..5 scale in row 3.
        workspace.writeAnswers([5, 7, 5]);
        published = server.waitForDiagnostics(cycle, d => d.some(x => x.code === 'answer-out-of-scale'));
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.answers, type: 2 }] });
        const diagnostics = await published;
        const outOfScale = diagnostics.find(d => d.code === 'answer-out-of-scale')!;
        expect(outOfScale.range.start.line).toBe(RESULTS_LINE);
        expect(outOfScale.relatedInformation?.[0].location.uri).toBe(workspace.answers);
        expect(outOfScale.relatedInformation?.[0].location.range.start.line).toBe(2);

        // Deleted.
        workspace.removeAnswers();
        published = server.waitForDiagnostics(cycle, d => d.some(x => x.code === 'results-unreadable'));
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.answers, type: 3 }] });
        await published;
    });

    it('logged no error along the way', () => {
        expect(server.errors.join('\n')).toBe('');
        expect(server.exited).toBe(false);
    });
});
