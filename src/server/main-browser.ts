import '../preludes/node20-polyfill.cjs';
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { ClientFileSystem } from './client-file-system.js';
import { serveCycleLanguage } from './serve-cycle-language.js';

/**
 * The language server in a Web Worker (VS Code for the Web, the playground): it
 * speaks LSP over the worker's messages. A worker has no disk: it asks the client for
 * the workspace's files (ClientFileSystem), and a client that sends no workspace
 * folders (the playground) is never asked; its documents exist when it opens them.
 */
// Typed with the DOM's lib (not WebWorker's, which clashes with it): a worker's global
// scope posts and receives messages as a Worker object does.
const scope = globalThis as unknown as Worker;
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
serveCycleLanguage(connection, () => new ClientFileSystem(connection));
