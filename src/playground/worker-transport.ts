import type { Transport } from '@codemirror/lsp-client';
import { PLAYGROUND_FOLDER, type BundledFileTree } from './bundled-files.js';

/** JSON-RPC's "request failed" (LSP's RequestFailed): the server's ClientFileSystem passes the message on. */
const REQUEST_FAILED = -32803;

/**
 * LSP over a Web Worker's messages, as the server's worker entry
 * (server/main-browser.ts) speaks it: one JSON-RPC object per message, as an object
 * (vscode-languageserver's BrowserMessageReader/Writer), never a string.
 *
 * With bundled files, the transport is also the playground's file system: it declares
 * the folder file:/// in the `initialize` request (the CodeMirror client sends none,
 * and only a folder's files are read by the server), and answers the server's
 * `cycle/workspace/*` requests from the files itself; the client never sees them.
 */
export function workerTransport(worker: Worker, files?: BundledFileTree): Transport {
    const handlers = new Set<(value: string) => void>();
    const serving = files !== undefined && !files.isEmpty;
    worker.addEventListener('message', event => {
        const message = event.data as { id?: number | string; method?: string; params?: unknown };
        if (serving && message.id !== undefined && typeof message.method === 'string') {
            const answer = files.answer(message.method, message.params);
            if (answer) {
                worker.postMessage('error' in answer
                    ? { jsonrpc: '2.0', id: message.id, error: { code: REQUEST_FAILED, message: answer.error } }
                    : { jsonrpc: '2.0', id: message.id, result: answer.result });
                return;
            }
        }
        const text = JSON.stringify(event.data);
        for (const handler of handlers) handler(text);
    });
    return {
        send: message => {
            const data = JSON.parse(message) as { method?: string; params?: Record<string, unknown> };
            if (serving && data.method === 'initialize' && data.params) {
                data.params.workspaceFolders = [{ uri: PLAYGROUND_FOLDER, name: 'playground' }];
            }
            worker.postMessage(data);
        },
        subscribe: handler => { handlers.add(handler); },
        unsubscribe: handler => { handlers.delete(handler); }
    };
}
