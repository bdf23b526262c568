import '../src/preludes/node20-polyfill.cjs';
import { URI } from 'langium';
import { hasSyntaxErrors } from '../src/language/syntax-errors.js';
import { analyse } from '../src/model/analyse.js';
import type { PreviewModel } from '../src/protocol.js';
import { toPreviewModel } from '../src/server/preview-model-push.js';

/**
 * The preview model the language server sends for `text` opened as `uri`, worked out
 * at build time (scripts/build-web.mjs), so that the playground draws the diagram of
 * the example it opens with before its worker has started; the worker's own model
 * replaces it as soon as it comes. Its version is null: any model the server sends
 * is newer. A text with syntax errors gets none (the page waits for the server).
 */
export async function firstModel(uri: string, text: string): Promise<PreviewModel | null> {
    const { texts } = await analyse([{ uri: URI.parse(uri), text }], { validate: false });
    const analysed = texts[0];
    if (hasSyntaxErrors(analysed.document)) return null;
    return toPreviewModel(analysed.model, null, 0);
}
