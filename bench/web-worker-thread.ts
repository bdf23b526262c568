import { Worker } from 'node:worker_threads';

/*
 * Inside the thread: the global scope a browser gives a Web Worker (`self`,
 * `postMessage`, `onmessage`), made of Node's worker port, then the bundle run as a
 * browser runs a worker script. Nothing of Node is handed to the bundle itself.
 */
const WEB_WORKER_SCOPE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { runInThisContext } = require('node:vm');
globalThis.self = globalThis;
globalThis.postMessage = message => parentPort.postMessage(message);
globalThis.addEventListener = () => undefined;
Object.defineProperty(globalThis, 'onmessage', { set(listener) { parentPort.on('message', data => listener({ data })); } });
runInThisContext(readFileSync(workerData.bundle, 'utf8'), { filename: workerData.bundle });
`;

/**
 * A browser's Web Worker script (the language server's dist/browser/server-worker.js)
 * in a Node worker thread dressed as a Web Worker: the page's side speaks to it over
 * the returned Worker's port (vscode-jsonrpc's PortMessageReader/Writer) with the same
 * messages a page posts. Used by the tests and the bench, without a browser.
 */
export function startWebWorkerThread(bundle: string): Worker {
    return new Worker(WEB_WORKER_SCOPE, { eval: true, workerData: { bundle }, stderr: true });
}
