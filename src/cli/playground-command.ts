import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { CommandIo } from './check-command.js';
import { CliError, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import { createPlaygroundServer } from './playground-server.js';
import { isSourceProblem, readSource } from './read-sources.js';

export interface PlaygroundOptions {
    port?: number;
    /** false with --no-open: print the address, start no browser. */
    open: boolean;
}

/**
 * dist/web/: this file is two folders below the project, as src/cli/ (tests) and in
 * the bundle, dist/cli/, alike.
 */
export function webRoot(): string {
    return fileURLToPath(new URL('../../dist/web/', import.meta.url));
}

/**
 * `cycle playground [FILE]`: serves the built playground on the loopback address and
 * opens FILE in it (the page fetches the text from this server). Runs until Ctrl-C.
 */
export async function runPlayground(file: string | undefined, options: PlaygroundOptions, io: CommandIo, root = webRoot()): Promise<number> {
    if (!existsSync(resolve(root, 'index.html'))) {
        throw new CliError(`the playground is not built (${root} has no index.html): run \`npm run build:web\` (or \`npm run build\`) first.`, EXIT_USAGE);
    }
    let openedFile: (() => string) | undefined;
    let name: string | undefined;
    if (file !== undefined) {
        const absolute = resolve(file);
        const read = () => {
            const source = readSource(absolute);
            if (isSourceProblem(source)) throw new Error(source.message);
            return source.text;
        };
        try {
            read();
        } catch (error) {
            throw new CliError((error as Error).message, EXIT_USAGE);
        }
        openedFile = read;
        name = basename(absolute);
    }
    const server = createPlaygroundServer({ webRoot: realpathSync(root), openedFile });
    await new Promise<void>((done, fail) => {
        server.once('error', (error: NodeJS.ErrnoException) => fail(new CliError(
            error.code === 'EADDRINUSE' ? `port ${options.port} is in use: choose another with --port, or --port 0 for any free one.` : `the server could not start: ${error.message}`, EXIT_USAGE)));
        server.listen(options.port ?? 0, '127.0.0.1', () => done());
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/${name ? `?file=${encodeURIComponent(name)}` : ''}`;
    io.out(`Playground: ${url}\n${name ? `It opens ${name}; your edits stay in the page (Download .cycle saves them).\n` : ''}Press Ctrl-C to stop.\n`);
    if (options.open) openBrowser(url);
    await new Promise<void>(done => {
        const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            server.close(() => done());
            server.closeAllConnections();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
    });
    io.out('Playground stopped.\n');
    return EXIT_OK;
}

/** The system's way to open a URL; nothing happens (and nothing fails) when there is none. */
function openBrowser(url: string): void {
    const [command, args] = process.platform === 'darwin' ? ['open', [url]]
        : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
    try {
        const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
        child.on('error', () => undefined);
        child.unref();
    } catch {
        // No opener: the address printed above is enough.
    }
}
