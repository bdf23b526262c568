import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_MODEL_REQUEST, type PreviewModel } from '../../src/protocol.js';
import { firstModel } from '../../scripts/first-model.js';
import { PROJECT_ROOT } from '../cli/run-cli.js';
import { LspWorker } from '../server/lsp-worker.js';

/*
 * The playground draws the example it opens with from a model worked out at build
 * time, before its worker has started: that first diagram must be the one the worker
 * then sends, or the page would jump from one diagram to another.
 */
const URI = 'file:///playground.cycle';

describe("the playground's first diagram, worked out at build time", () => {
    let server: LspWorker;
    beforeAll(async () => {
        server = new LspWorker();
        await server.initialize(null);
    });
    afterAll(async () => {
        await server?.stop();
    });

    for (const name of ['bank-check-cashing.cycle', 'pizza-delivery.ru.cycle', 'online-shopping.zh.cycle']) {
        it(`is the model the worker sends for ${name}, but for its version`, async () => {
            const text = readFileSync(join(PROJECT_ROOT, 'examples', name), 'utf8');
            const built = await firstModel(URI, text);
            await server.open(URI, text);
            const sent = await server.request<PreviewModel>(PREVIEW_MODEL_REQUEST, { uri: URI });
            await server.close(URI);
            expect(built).not.toBeNull();
            expect(built!.version).toBeNull();
            expect(built!.cycles.length).toBeGreaterThan(0);
            expect({ ...built, version: sent.version }).toEqual(sent);
        });
    }

    it('is not worked out for a text with syntax errors (the page waits for the worker)', async () => {
        expect(await firstModel(URI, 'cycle c "x"\n  goal "g"\n  moment m "M\n')).toBeNull();
    });
});
