import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './run-cli.js';

/**
 * The built command is split by command (dist/cli/): each loads only what it runs.
 * Shown here by taking files away from a copy of the build: a command that still
 * answers without a file does not load it. No timing: what is loaded is what costs.
 */
const copies: string[] = [];

/** A copy of bin/ and dist/cli/ without the chunks `drop` names, to run `cycle` from. */
function buildWithout(drop: (file: string) => boolean): string {
    const root = mkdtempSync(join(tmpdir(), 'cycle-startup-'));
    copies.push(root);
    cpSync(join(PROJECT_ROOT, 'bin'), join(root, 'bin'), { recursive: true });
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    for (const file of readdirSync(join(PROJECT_ROOT, 'dist', 'cli'))) {
        if (!drop(file)) cpSync(join(PROJECT_ROOT, 'dist', 'cli', file), join(root, 'dist', 'cli', file));
    }
    return root;
}

function run(root: string, args: string[]): { status: number; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [join(root, 'bin', 'cycle.cjs'), ...args], {
        cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }
    });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => {
    for (const root of copies) rmSync(root, { recursive: true, force: true });
});

describe('each command loads only what it needs', () => {
    it('--version, --help and usage errors load no language: they answer with its chunks gone', () => {
        // The chunks holding Chevrotain's parser or the cycle grammar (names the minifier keeps).
        const language = (file: string) => file.endsWith('.mjs') && /performSelfAnalysis|"name":"CycleLanguage"/.test(readFileSync(join(PROJECT_ROOT, 'dist', 'cli', file), 'utf8'));
        const root = buildWithout(language);
        expect(readdirSync(join(PROJECT_ROOT, 'dist', 'cli')).filter(language).length).toBeGreaterThan(0);
        const version = run(root, ['--version']);
        expect(version.stderr).toBe('');
        expect(version.status).toBe(0);
        expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
        const help = run(root, ['--help']);
        expect(help.status).toBe(0);
        expect(help.stdout).toMatch(/render/);
        expect(run(root, ['check', '--help']).stdout).toMatch(/--max-warnings/);
        expect(run(root, ['frobnicate']).status).toBe(2);
        // The same copy cannot read a cycle: the chunks taken away are the language.
        const check = run(root, ['check', 'examples/bank-check-cashing.cycle']);
        expect(check.status).toBe(2);
        expect(check.stderr).toMatch(/internal error: Cannot find module/);
    });

    it('render draws without the code of check (SARIF), fmt (the formatter), diff (git) and export', () => {
        const others = /^(check|fmt|diff|export)-command-.*\.mjs$/;
        const root = buildWithout(file => others.test(file));
        expect(readdirSync(join(root, 'dist', 'cli')).some(file => others.test(file))).toBe(false);
        const render = run(root, ['render', 'examples/bank-check-cashing.cycle']);
        expect(render.stderr).toBe('');
        expect(render.status).toBe(0);
        expect(render.stdout).toMatch(/^<svg /);
        // …and those commands do need their own chunk, so the file names above are the right ones.
        expect(run(root, ['check', 'examples/bank-check-cashing.cycle']).stderr).toMatch(/internal error: Cannot find module/);
    });
});
