/**
 * The first script of the page, a few hundred bytes: starts the language server's
 * worker at once, so the worker loads and builds its parser while the page's own
 * script (the editor, the diagram) is still being read. main.ts takes it from here.
 */
export const SERVER_WORKER_KEY = '__cycleServerWorker';

(globalThis as unknown as Record<string, Worker>)[SERVER_WORKER_KEY] = new Worker('assets/server-worker.js', { name: 'cycle-language-server' });
