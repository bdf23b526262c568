import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspProcess } from '../server/lsp-client.js';
import { PROJECT_ROOT } from './run-cli.js';

/**
 * The packed CLI (scripts/pack-cli.mjs, `npm run pack:cli`) installed as a user would:
 * `npm install ./service-cycles-*.tgz` into an empty folder, then `npx cycle …` there.
 * Its dependencies come from the npm cache or registry (published names only).
 */
const folder = mkdtempSync(join(tmpdir(), 'cycle-package-'));
let tarball = '';
let install: ReturnType<typeof spawnSync>;
let server: LspProcess | undefined;
// npx and npm run on the Node running the tests, whatever the machine's default is.
const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, NO_COLOR: '1' };

beforeAll(() => {
    tarball = execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'pack-cli.mjs'), '--out', join(folder, 'packed')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    cpSync(tarball, join(folder, 'user', 'service-cycles.tgz'));
    install = spawnSync('npm', ['install', './service-cycles.tgz', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: join(folder, 'user'), encoding: 'utf8', env });
}, 300_000);
afterAll(async () => {
    await server?.stop();
});

const npx = (...args: string[]) => spawnSync('npx', ['--no-install', 'cycle', ...args], { cwd: join(folder, 'user'), encoding: 'utf8', env });

describe('the packed CLI, installed into an empty folder', () => {
    it('holds the bundles and nothing of the repository besides', () => {
        expect(tarball).toMatch(/service-cycles-\d+\.\d+\.\d+\.tgz$/);
        const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
        expect(files).toContain('package/bin/cycle.cjs');
        expect(files).toContain('package/dist/cli/cli.mjs');
        expect(files).toContain('package/dist/server.cjs');
        expect(files).toContain('package/dist/web/index.html');
        expect(files.filter(f => /^package\/(src|test|docs|scripts|node_modules)\/|\.map$|\.ts$|\.vsix$/.test(f))).toEqual([]);
        const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
        expect(Object.keys(manifest.dependencies).sort()).toEqual(['@resvg/resvg-js', 'dejavu-fonts-ttf']);
        expect(manifest.private).toBeUndefined();
    });

    it('installs from the tarball alone, with no warning of an unsupported engine on a supported Node', () => {
        expect(install.status, String(install.stderr)).toBe(0);
        expect(existsSync(join(folder, 'user', 'node_modules', '.bin', 'cycle'))).toBe(true);
        if (Number(process.versions.node.split('.')[0]) >= 22) expect(String(install.stderr)).not.toContain('EBADENGINE');
    });

    it('checks the examples, and fails on a broken cycle', () => {
        cpSync(join(PROJECT_ROOT, 'examples'), join(folder, 'user', 'examples'), { recursive: true, filter: f => !f.endsWith('.yml') });
        const checked = npx('check', 'examples');
        expect(checked.status, checked.stderr).toBe(0);
        const count = readdirSync(join(folder, 'user', 'examples')).filter(f => f.endsWith('.cycle')).length;
        expect(checked.stdout).toMatch(new RegExp(`in ${count} files\\.`));
        const broken = npx('check', join(PROJECT_ROOT, 'test', 'fixtures', 'dental-cleaning.invalid.cycle'));
        expect(broken.status).toBe(1);
    });

    it('renders SVG and PNG (resvg and the fonts found in the installed folder)', () => {
        const svg = npx('render', 'examples/shoe-order.cycle');
        expect(svg.status, svg.stderr).toBe(0);
        expect(svg.stdout).toMatch(/^<svg[\s\S]*Waits for the parcel[\s\S]*<\/svg>\s*$/);
        const png = npx('render', 'examples/shoe-order.cycle', '-o', 'shoe.png');
        expect(png.status, png.stderr).toBe(0);
        expect(readFileSync(join(folder, 'user', 'shoe.png')).subarray(1, 4).toString()).toBe('PNG');
    });

    it('starts the language server (cycle lsp) and answers initialize', async () => {
        server = new LspProcess([join(folder, 'user', 'node_modules', 'service-cycles', 'bin', 'cycle.cjs'), 'lsp', '--stdio']);
        const answer = await server.initialize(null) as { capabilities: Record<string, unknown> };
        expect(answer.capabilities).toHaveProperty('completionProvider');
        expect(answer.capabilities).toHaveProperty('documentFormattingProvider');
    }, 60_000);
});
