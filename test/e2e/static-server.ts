import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/**
 * A plain static file server, as GitHub Pages is one: files by path, `index.html` for
 * a folder, no headers of our own (so no CSP but the page's meta tag), 404 otherwise.
 * The playground must work from this alone.
 */
export async function serveStatic(root: string): Promise<{ origin: string; close: () => Promise<void> }> {
    const server: Server = createServer(async (request, response) => {
        const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
        const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
        if (!file.startsWith(root + sep) && file !== root) {
            response.writeHead(404).end();
            return;
        }
        try {
            const body = await readFile(file);
            response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
        } catch {
            response.writeHead(404).end();
        }
    });
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    return {
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise(done => { server.closeAllConnections(); server.close(() => done()); })
    };
}
