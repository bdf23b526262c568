import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';

/** Where the page fetches the opened file's text (src/playground/main.ts asks for it). */
export const OPENED_FILE_PATH = '/opened-file';

const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.json': 'application/json',
    '.txt': 'text/plain; charset=utf-8'
};

/**
 * The same policy as the page's meta tag, sent as a header too: a header also binds
 * the worker, which a meta tag cannot reach (no eval in the language server either).
 */
const CSP = "default-src 'none'; script-src 'self'; worker-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' blob: data:; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface PlaygroundServerOptions {
    /** The built site (dist/web/), as a real path. */
    webRoot: string;
    /** The text of the opened file, read at each request (so a reload shows its latest saved text); undefined: none. */
    openedFile?: () => string;
}

/**
 * Serves the built playground and, at one fixed path, the text of the file it was
 * opened with: nothing else on the disk. Only GET and HEAD; only paths that stay
 * inside the site after decoding and following links; only requests addressed to the
 * loopback address itself (a page elsewhere cannot reach it by renaming its host).
 */
export function createPlaygroundServer(options: PlaygroundServerOptions): Server {
    return createServer((request, response) => {
        try {
            handle(options, request, response);
        } catch {
            send(response, 500, 'The playground server could not answer this request.');
        }
    });
}

function handle(options: PlaygroundServerOptions, request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Only GET and HEAD.');
    const port = (request.socket.localPort ?? 0).toString();
    if (request.headers.host !== `127.0.0.1:${port}` && request.headers.host !== `localhost:${port}`) return send(response, 403, 'Not a loopback address.');
    let path: string;
    try {
        path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
        return send(response, 400, 'Bad path.');
    }
    if (path.includes('\0') || path.includes('\\') || path.split('/').some(part => part === '..' || part === '.')) return send(response, 403, 'Outside the playground.');
    if (path === OPENED_FILE_PATH) {
        if (!options.openedFile) return send(response, 404, 'No file was opened.');
        let text: string;
        try {
            text = options.openedFile();
        } catch (error) {
            return send(response, 404, `The file can no longer be read: ${(error as Error).message}`);
        }
        return send(response, 200, text, 'text/plain; charset=utf-8');
    }
    const wanted = join(options.webRoot, path === '/' ? 'index.html' : path);
    let real: string;
    try {
        real = realpathSync(wanted);
        if (!real.startsWith(options.webRoot + sep) || !statSync(real).isFile()) return send(response, 404, 'Not found.');
    } catch {
        return send(response, 404, 'Not found.');
    }
    send(response, 200, readFileSync(real), TYPES[extname(real)] ?? 'application/octet-stream', request.method === 'HEAD');
}

function send(response: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', headOnly = false): void {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    response.writeHead(status, {
        'Content-Type': type,
        'Content-Length': bytes.length,
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache'
    });
    response.end(headOnly ? undefined : bytes);
}
