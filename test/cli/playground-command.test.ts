import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runPlayground } from '../../src/cli/playground-command.js';
import { CliError } from '../../src/cli/cli-error.js';
import { CLI, PROJECT_ROOT, runCli } from './run-cli.js';

/** `cycle playground` as a real process: what it serves, what it refuses, how it stops. */

interface Served {
    child: ChildProcess;
    url: URL;
    output: () => string;
    exited: Promise<number | null>;
}

function startPlayground(args: string[]): Promise<Served> {
    const child = spawn(process.execPath, [CLI, 'playground', '--no-open', ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', chunk => { out += String(chunk); });
    child.stderr!.on('data', chunk => { out += String(chunk); });
    const exited = new Promise<number | null>(done => child.on('exit', code => done(code)));
    return new Promise((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no address printed: ${out}`)), 20_000);
        child.stdout!.on('data', () => {
            const match = /Playground: (http:\/\/\S+)/.exec(out);
            if (match) {
                clearTimeout(timer);
                done({ child, url: new URL(match[1]), output: () => out, exited });
            }
        });
        child.on('exit', () => fail(new Error(`exited early: ${out}`)));
    });
}

/** A raw request: the path is sent exactly as written (no normalising of `..`), with any Host header. */
function get(url: URL, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
    return new Promise((done, fail) => {
        const req = request({ host: url.hostname, port: url.port, path, method, headers }, response => {
            let body = '';
            response.on('data', chunk => { body += String(chunk); });
            response.on('end', () => done({ status: response.statusCode ?? 0, body, headers: response.headers }));
        });
        req.on('error', fail);
        req.end();
    });
}

describe('cycle playground', () => {
    let folder: string;
    let served: Served | undefined;
    beforeAll(() => { folder = mkdtempSync(join(tmpdir(), 'cycle-playground-')); });
    afterEach(() => { served?.child.kill('SIGKILL'); served = undefined; });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('serves the built site and the opened file on 127.0.0.1, prints the address, and stops on Ctrl-C', async () => {
        const file = join(folder, 'café — ünïcode.cycle');
        const text = 'cycle café "Un café, s\'il vous plaît"\n  goal "Un café"\n  moment commande "Commande 咖啡"\n';
        writeFileSync(file, text);
        served = await startPlayground([file]);
        expect(served.url.hostname).toBe('127.0.0.1');
        expect(served.url.searchParams.get('file')).toBe('café — ünïcode.cycle');
        const page = await get(served.url, '/');
        expect(page.status).toBe(200);
        expect(page.body).toContain('<title>Service Cycles playground</title>');
        expect(page.body).toBe(readFileSync(join(PROJECT_ROOT, 'dist/web/index.html'), 'utf8'));
        expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
        const script = await get(served.url, '/assets/playground.js');
        expect(script.status).toBe(200);
        expect(script.headers['content-type']).toMatch(/^text\/javascript/);
        expect((await get(served.url, '/assets/server-worker.js')).status).toBe(200);
        // The file, as it is on disk now (read at each request).
        expect((await get(served.url, '/opened-file')).body).toBe(text);
        writeFileSync(file, text + '  moment boit "Boit"\n');
        expect((await get(served.url, '/opened-file')).body).toContain('moment boit');

        served.child.kill('SIGINT');
        expect(await served.exited).toBe(0);
        expect(served.output()).toContain('Playground stopped.');
    });

    it('serves nothing outside dist/web: no traversal, no other method, no other host name', async () => {
        served = await startPlayground(['examples/bank-check-cashing.cycle']);
        const secret = readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8');
        for (const path of ['/../package.json', '/assets/../../package.json', '/%2e%2e/package.json', '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
            '/..%5cpackage.json', '/assets%2f..%2f..%2fpackage.json', '/examples/bank-check-cashing.cycle', '/../../../../etc/passwd', '/%00']) {
            const answer = await get(served.url, path);
            expect(answer.status, path).toBeGreaterThanOrEqual(400);
            expect(answer.body, path).not.toContain(secret.slice(0, 40));
            expect(answer.body, path).not.toContain('root:');
        }
        expect((await get(served.url, '/', {}, 'POST')).status).toBe(405);
        // DNS rebinding: a page elsewhere that renames its host to 127.0.0.1 is refused.
        expect((await get(served.url, '/opened-file', { Host: 'attacker.example' })).status).toBe(403);
        expect((await get(served.url, '/opened-file', { Host: `localhost:${served.url.port}` })).status).toBe(200);
    });

    it('without a file serves the site and no file', async () => {
        served = await startPlayground([]);
        expect(served.url.search).toBe('');
        expect((await get(served.url, '/')).status).toBe(200);
        expect((await get(served.url, '/opened-file')).status).toBe(404);
    });

    it('says clearly when the file cannot be read, and starts no server', () => {
        const result = runCli(['playground', '--no-open', join(folder, 'missing.cycle')]);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^cycle: .*missing\.cycle: no such file/);
        expect(result.stdout).toBe('');
        const folderResult = runCli(['playground', '--no-open', folder]);
        expect(folderResult.status).toBe(2);
        expect(folderResult.stderr).toMatch(/folder/);
    });

    it('says clearly when the playground is not built', async () => {
        const empty = mkdtempSync(join(tmpdir(), 'cycle-no-web-'));
        const io = { out: () => undefined, err: () => undefined, colors: undefined as never, version: '0' };
        const failure = await runPlayground(undefined, { open: false }, io, empty).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(CliError);
        expect((failure as CliError).message).toMatch(/not built .*npm run build:web/);
        rmSync(empty, { recursive: true, force: true });
    });

    it('refuses a port that is not one', () => {
        const result = runCli(['playground', '--no-open', '--port', '70000']);
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('expected a port number');
    });
});
