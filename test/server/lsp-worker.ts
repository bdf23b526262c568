import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { createProtocolConnection, PortMessageReader, PortMessageWriter } from 'vscode-languageserver-protocol/node';
import { startWebWorkerThread } from '../../bench/web-worker-thread.js';
import { LspClient } from './lsp-client.js';

export const WORKER_BUNDLE = fileURLToPath(new URL('../../dist/browser/server-worker.js', import.meta.url));

/**
 * The browser bundle of the language server (dist/browser/server-worker.js) in a Node
 * worker thread dressed as a Web Worker, spoken to over the thread's port with the
 * same messages a page posts to its worker: what VS Code for the Web and the
 * playground run, without a browser.
 */
export class LspWorker extends LspClient {
    private readonly worker: Worker;

    constructor(beforeListen?: ConstructorParameters<typeof LspClient>[1]) {
        const worker = startWebWorkerThread(WORKER_BUNDLE);
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
