import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_MODEL_NOTIFICATION, PREVIEW_MODEL_REQUEST, PREVIEW_WATCH_NOTIFICATION, type PreviewModel } from '../../src/protocol.js';
import { LspProcess } from './lsp-client.js';
import { RESULTS_CYCLE, resultsWorkspace } from './results-workspace.js';

/* The real server over stdio: the preview model carries the survey results, and follows the answers file as it changes on disk. */

const workspace = resultsWorkspace('cycle-preview-results-');
const { folder, cycle } = workspace;

let server: LspProcess;
const pushed: PreviewModel[] = [];
const csatOf = (model: PreviewModel | undefined) => model?.results?.c?.figures.moments.find(m => m.id === 'm1')?.csat?.value;

beforeAll(async () => {
    // 8 of 10 in the top two boxes: CSAT 0.8.
    workspace.writeAnswers([5, 5, 5, 5, 4, 4, 4, 4, 2, 1]);
    server = new LspProcess();
    server.connection.onRequest('client/registerCapability', () => null);
    server.connection.onNotification(PREVIEW_MODEL_NOTIFICATION, (model: PreviewModel) => { pushed.push(model); });
    await server.initialize(pathToFileURL(folder).toString());
});

afterAll(async () => {
    await server?.stop();
});

describe('the preview model with survey results', () => {
    it('carries the current wave and the CSAT target, when asked and when pushed', async () => {
        const published = server.waitForDiagnostics(cycle);
        await server.open(cycle, RESULTS_CYCLE);
        await published;
        const asked = await server.request<PreviewModel>(PREVIEW_MODEL_REQUEST, { uri: cycle });
        expect(asked.results?.c.csatTarget).toBe(0.8);
        expect(asked.results?.c.figures.wave).toBe('answers/w.csv');
        expect(csatOf(asked)).toBe(0.8);
        await server.connection.sendNotification(PREVIEW_WATCH_NOTIFICATION, { uris: [cycle] });
    });

    it('is pushed again, with the new figures, after the answers file changes on disk', async () => {
        // 1 of 5 in the top two boxes: CSAT 0.2.
        workspace.writeAnswers([5, 1, 2, 3, 1]);
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.answers, type: 2 }] });
        await expect.poll(() => csatOf(pushed.at(-1)), { timeout: 15_000 }).toBe(0.2);
        // The same text: the version did not change, only the figures.
        expect(pushed.at(-1)!.version).toBe(1);
    });

    it('and with the new target, after cycle.config.json changes', async () => {
        writeFileSync(join(folder, 'cycle.config.json'), JSON.stringify({ survey: { csatTarget: 0.6 } }));
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.uriOf('cycle.config.json'), type: 1 }] });
        await expect.poll(() => pushed.at(-1)?.results?.c.csatTarget, { timeout: 15_000 }).toBe(0.6);
    });

    it('leaves the results out once the file is gone (the editor reports why)', async () => {
        workspace.removeAnswers();
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.answers, type: 3 }] });
        await expect.poll(() => pushed.at(-1)?.results, { timeout: 15_000 }).toBeUndefined();
        expect(server.errors.join('\n')).toBe('');
    });
});
