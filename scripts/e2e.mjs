// `npm run test:e2e`: the end-to-end tests in real clients.
//  - Neovim (Debian's neovim) attaches the built language server;
//  - VS Code: code-server in Debian's Chromium, driven by playwright-core, with the
//    packaged .vsix installed. The first run installs Node 24 and code-server into
//    .e2e/ (ignored); later runs reuse them.
// HEADED=1 shows the browser and, with STEPS=1, saves a screenshot per step.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { E2E, ensureTools } from './e2e/tools.mjs';

function run(command, args) {
    const result = spawnSync(command, args, { stdio: 'inherit' });
    if (result.error) throw result.error;
    return result.status ?? 1;
}

/** Keeps the last few run folders (profiles, logs) and deletes older ones. */
function pruneRuns(keep = 6) {
    let runs = [];
    try { runs = readdirSync(join(E2E, 'runs')).sort(); } catch { return; }
    for (const old of runs.slice(0, Math.max(0, runs.length - keep))) rmSync(join(E2E, 'runs', old), { recursive: true, force: true });
}

if (spawnSync('nvim', ['--version']).error) {
    const installed = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'neovim'], { stdio: 'inherit' });
    if (installed.status !== 0) {
        console.error('e2e: Neovim is missing and could not be installed (apt-get install -y neovim).');
        process.exit(1);
    }
}
ensureTools();
pruneRuns();
const started = Date.now();
let status = run('npm', ['run', 'package', '--silent']);
if (status === 0) status = run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts']);
console.log(`e2e: finished in ${Math.round((Date.now() - started) / 1000)} s; screenshots in .e2e/screenshots/`);
process.exit(status);
