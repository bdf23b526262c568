import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_MODEL_NOTIFICATION, PREVIEW_MODEL_REQUEST, PREVIEW_WATCH_NOTIFICATION, type PreviewModel } from '../../src/protocol.js';
import { LspProcess } from './lsp-client.js';

const shown = 'file:///preview/shown.cycle';
const other = 'file:///preview/other.cycle';
const cycle = (label: string) => `cycle c "x"\n  goal "g"\n  moment m "${label}"\n`;

let server: LspProcess;
const pushed: PreviewModel[] = [];

beforeAll(async () => {
    server = new LspProcess();
    server.connection.onNotification(PREVIEW_MODEL_NOTIFICATION, (model: PreviewModel) => { pushed.push(model); });
    await server.initialize(null);
});

afterAll(async () => {
    await server?.stop();
});

/** Diagnostics are published before the models are pushed: let both settle. */
async function edit(uri: string, label: string, version: number): Promise<void> {
    const published = server.waitForDiagnostics(uri);
    await (version === 1 ? server.open(uri, cycle(label)) : server.change(uri, cycle(label), version));
    await published;
    await server.request(PREVIEW_MODEL_REQUEST, { uri });
    await new Promise(resolve => setTimeout(resolve, 100));
}

describe('preview models pushed by the server', () => {
    it('pushes nothing while no preview shows a document', async () => {
        await edit(shown, 'First', 1);
        await edit(other, 'Other', 1);
        await edit(shown, 'Second', 2);
        expect(pushed).toEqual([]);
    });

    it('pushes the watched document after each build, and only that one', async () => {
        await server.connection.sendNotification(PREVIEW_WATCH_NOTIFICATION, { uris: [shown] });
        await edit(shown, 'Third', 3);
        await edit(other, 'Other again', 2);
        expect(pushed.map(m => [m.uri, m.version, m.cycles[0].moments[0].label])).toEqual([[shown, 3, 'Third']]);
    });

    it('takes a malformed watch as no watch, without an error', async () => {
        await server.connection.sendNotification(PREVIEW_WATCH_NOTIFICATION, {});
        await server.connection.sendNotification(PREVIEW_WATCH_NOTIFICATION, { uris: [42, null] });
        await edit(shown, 'Malformed', 4);
        expect(pushed).toHaveLength(1);
        expect(server.errors.join('')).not.toMatch(/failed|TypeError/);
    });

    it('stops when the preview closes, and answers a request at any time', async () => {
        await server.connection.sendNotification(PREVIEW_WATCH_NOTIFICATION, { uris: [] });
        await edit(shown, 'Fourth', 5);
        expect(pushed).toHaveLength(1);
        const asked = await server.request<PreviewModel>(PREVIEW_MODEL_REQUEST, { uri: shown });
        expect(asked.version).toBe(5);
        expect(asked.cycles[0].moments[0].label).toBe('Fourth');
    });
});
