import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
// @ts-expect-error: a plain JavaScript module shared with scripts/e2e.mjs
import { CODE_SERVER, E2E, ROOT, node24Env, vsixPath } from '../../../scripts/e2e/tools.mjs';

/** One isolated code-server: its own profile, extensions, workspace copy and port. */
export interface CodeServer {
    url: string;
    workspace: string;
    runDir: string;
    log: string;
    stop(): Promise<void>;
}

/** A free loopback port (also for test-web). */
export function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as { port: number };
            server.close(() => resolve(port));
        });
    });
}

/** Waits until `url` answers 200, failing early if `child` (named `what`) exits. */
export async function waitForAnswer(url: string, child: ChildProcess, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
        try {
            const response = await fetch(url);
            if (response.ok) return;
        } catch {
            // not listening yet
        }
        await new Promise(r => setTimeout(r, 250));
    }
    throw new Error(`${what} did not answer ${url} within ${timeoutMs} ms`);
}

/**
 * Starts code-server with the packaged extension installed, on a free loopback port,
 * in a fresh run folder under .e2e/runs/, with a copy of examples/ as its workspace.
 */
export async function startCodeServer(name: string, settings: Record<string, unknown> = {}): Promise<CodeServer> {
    const runDir = join(E2E, 'runs', `${new Date().toISOString().replace(/[:.]/g, '-')}-${name}`);
    const data = join(runDir, 'data');
    const extensions = join(runDir, 'extensions');
    const workspace = join(runDir, 'workspace');
    mkdirSync(join(data, 'User'), { recursive: true });
    cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
    writeFileSync(join(data, 'User', 'settings.json'), JSON.stringify({
        'workbench.startupEditor': 'none',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.tips.enabled': false,
        'chat.disableAIFeatures': true,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'security.workspace.trust.enabled': false,
        'update.mode': 'none',
        'editor.inlayHints.enabled': 'on',
        'files.autoSave': 'off',
        'window.commandCenter': false,
        'git.enabled': false,
        'git.openRepositoryInParentFolders': 'never',
        ...settings
    }, null, 2));
    const port = await freePort();
    const config = join(runDir, 'config.yaml');
    writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    const common = ['--config', config, '--user-data-dir', data, '--extensions-dir', extensions];
    const install = spawnSync(CODE_SERVER, [...common, '--install-extension', vsixPath()], { env: node24Env(), encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`installing the .vsix failed:\n${install.stdout}\n${install.stderr}`);
    const log = join(runDir, 'code-server.log');
    const logStream = createWriteStream(log);
    const child = spawn(CODE_SERVER, [
        ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', '--disable-getting-started-override', workspace
    ], { env: node24Env(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(logStream);
    child.stderr!.pipe(logStream);
    const url = `http://127.0.0.1:${port}`;
    const stop = async (): Promise<void> => {
        // The whole process group: code-server forks its extension host and our language server.
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
        await waitForAnswer(`${url}/healthz`, child, 60_000, 'code-server');
    } catch (error) {
        await stop();
        throw error;
    }
    return { url, workspace, runDir, log, stop };
}
