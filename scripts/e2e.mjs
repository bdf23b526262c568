// End-to-end tests in real clients. Neovim (Debian's neovim) attaches the built
// language server; further clients add their suites here.
import { spawnSync } from 'node:child_process';

function run(command, args, options = {}) {
    const result = spawnSync(command, args, { stdio: 'inherit', ...options });
    if (result.error) throw result.error;
    return result.status ?? 1;
}

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
if (nvim.error) {
    console.error('e2e: Neovim is not installed (apt-get install -y neovim); .ci/run installs it.');
    process.exit(1);
}

let status = run(process.execPath, ['scripts/build.mjs', '--no-generate']);
if (status === 0) status = run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts']);
process.exit(status);
