import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createProtocolConnection, PortMessageReader, PortMessageWriter } from 'vscode-languageserver-protocol/node';
import { LspClient } from './lsp-client.js';

export const WORKER_BUNDLE = fileURLToPath(new URL('../../dist/browser/server-worker.js', import.meta.url));

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
 * The browser bundle of the language server (dist/browser/server-worker.js) in a Node
 * worker thread dressed as a Web Worker, spoken to over the thread's port with the
 * same messages a page posts to its worker: what VS Code for the Web and the
 * playground run, without a browser.
 */
export class LspWorker extends LspClient {
    private readonly worker: Worker;

    constructor(beforeListen?: ConstructorParameters<typeof LspClient>[1]) {
        const worker = new Worker(WEB_WORKER_SCOPE, { eval: true, workerData: { bundle: WORKER_BUNDLE }, stderr: true });
        super(createProtocolConnection(new PortMessageReader(worker), new PortMessageWriter(worker)), beforeListen);
        this.worker = worker;
        worker.stderr.on('data', chunk => this.errors.push(String(chunk)));
        worker.on('error', error => this.errors.push(String(error)));
    }

    override async stop(): Promise<void> {
        await super.stop();
        await this.worker.terminate();
    }
}
