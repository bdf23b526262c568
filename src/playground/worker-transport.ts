import type { Transport } from '@codemirror/lsp-client';

/**
 * LSP over a Web Worker's messages, as the server's worker entry
 * (server/main-browser.ts) speaks it: one JSON-RPC object per message, as an object
 * (vscode-languageserver's BrowserMessageReader/Writer), never a string.
 */
export function workerTransport(worker: Worker): Transport {
    const handlers = new Set<(value: string) => void>();
    worker.addEventListener('message', event => {
        const text = JSON.stringify(event.data);
        for (const handler of handlers) handler(text);
    });
    return {
        send: message => worker.postMessage(JSON.parse(message)),
        subscribe: handler => { handlers.add(handler); },
        unsubscribe: handler => { handlers.delete(handler); }
    };
}
