import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, PROJECT_ROOT, runCli } from './run-cli.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'cycle-pr-'));
const bank = readFileSync(join(PROJECT_ROOT, 'examples/bank-check-cashing.cycle'), 'utf8');
const changedBank = bank
    .replace('      prevent "Count the notes twice, aloud, in front of the customer"\n        owner teller\n', '')
    .replace('    wait limit 20 min\n', '    wait limit 40 min\n');

function git(cwd: string, ...args: string[]): string {
    const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
}

/** A git repository with the examples committed on main. */
function repository(): string {
    const dir = scratch();
    cpSync(join(PROJECT_ROOT, 'examples'), dir, { recursive: true });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'examples');
    return dir;
}

describe('cycle diff', () => {
    it('OLD NEW: the spec\'s JSON, with the diagnostics the change introduces', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'old.cycle'), bank);
        writeFileSync(join(dir, 'new.cycle'), changedBank);
        const result = runCli(['diff', join(dir, 'old.cycle'), join(dir, 'new.cycle'), '--format', 'json']);
        expect(result.status).toBe(0);
        const json = JSON.parse(result.stdout);
        expect(json.changes).toEqual([
            { change: 'changed', kind: 'moment', cycle: 'bank-check-cashing', id: 'wait-turn', moment: 'wait-turn', before: { waitLimit: '20 min' }, after: { waitLimit: '40 min' } },
            { change: 'removed', kind: 'prevent', cycle: 'bank-check-cashing', id: null, moment: 'receive-cash', before: { text: 'Count the notes twice, aloud, in front of the customer', owner: 'teller' }, after: null }
        ]);
        expect(json.diagnostics.introduced.map((d: { code: string }) => d.code)).toEqual(['critical-unmitigated']);
        expect(json.diagnostics.resolved).toEqual([]);
    });

    it('--format markdown puts the risk changes first', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'old.cycle'), bank);
        writeFileSync(join(dir, 'new.cycle'), changedBank);
        const markdown = runCli(['diff', join(dir, 'old.cycle'), join(dir, 'new.cycle'), '--format', 'markdown']).stdout;
        expect(markdown).toMatch(/^## Service cycle changes\n\n### ⚠️ Risk changes\n\n- \*\*Mitigation removed\*\*/);
        expect(markdown).toContain('loses the only prevent mitigation');
    });

    it('--git: every changed .cycle file since the base, added and deleted ones included', () => {
        const dir = repository();
        git(dir, 'checkout', '-q', '-b', 'feature');
        writeFileSync(join(dir, 'bank-check-cashing.cycle'), changedBank);
        rmSync(join(dir, 'shoe-order.cycle'));
        writeFileSync(join(dir, 'new-one.cycle'), 'cycle fresh "A new cycle"\n  goal "g"\n  moment m "M"\n');
        git(dir, 'add', '-A');
        git(dir, 'commit', '-q', '-m', 'change');
        writeFileSync(join(dir, 'untracked.cycle'), 'cycle loose "Untracked"\n  goal "g"\n  moment u "U"\n');
        const result = runCli(['diff', '--git', '--format', 'json'], { cwd: dir });
        expect(result.status).toBe(0);
        const changes = JSON.parse(result.stdout).changes as { file: string; change: string; kind: string; id: string }[];
        const byFile = (file: string) => changes.filter(c => c.file === file);
        expect(byFile('bank-check-cashing.cycle').map(c => `${c.change} ${c.kind}`)).toEqual(['changed moment', 'removed prevent']);
        expect(byFile('shoe-order.cycle').map(c => `${c.change} ${c.kind} ${c.id}`)).toEqual(['removed cycle shoe-order']);
        expect(byFile('new-one.cycle').map(c => `${c.change} ${c.kind} ${c.id}`)).toEqual(['added cycle fresh']);
        expect(byFile('untracked.cycle').map(c => `${c.change} ${c.kind} ${c.id}`)).toEqual(['added cycle loose']);
        // An explicit base.
        const text = runCli(['diff', '--git', 'main'], { cwd: dir }).stdout;
        expect(text).toContain('shoe-order.cycle (deleted)');
    });

    it('renaming a critical moment neither introduces nor resolves its diagnostics', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'old.cycle'), bank);
        writeFileSync(join(dir, 'new.cycle'), bank.split('told-take-number').join('told-number'));
        const json = JSON.parse(runCli(['diff', join(dir, 'old.cycle'), join(dir, 'new.cycle'), '--format', 'json']).stdout);
        expect(json.changes[0]).toMatchObject({ change: 'changed', kind: 'moment', before: { id: 'told-take-number' }, after: { id: 'told-number' } });
        expect(json.diagnostics).toEqual({ introduced: [], resolved: [] });
    });

    it('--git from a subfolder: every file relative to the repository root, with /', () => {
        const dir = repository();
        mkdirSync(join(dir, 'sub'));
        git(dir, 'mv', 'shoe-order.cycle', 'sub/shoe-order.cycle');
        git(dir, 'commit', '-q', '-m', 'move');
        git(dir, 'checkout', '-q', '-b', 'feature');
        writeFileSync(join(dir, 'bank-check-cashing.cycle'), changedBank);
        writeFileSync(join(dir, 'sub', 'shoe-order.cycle'), readFileSync(join(dir, 'sub', 'shoe-order.cycle'), 'utf8').replace(/^(  goal ")/m, '$1Really: '));
        const json = JSON.parse(runCli(['diff', '--git', 'main', '--format', 'json'], { cwd: join(dir, 'sub') }).stdout);
        const files = [...new Set([...json.changes, ...json.diagnostics.introduced].map((c: { file: string }) => c.file))].sort();
        expect(files).toEqual(['bank-check-cashing.cycle', 'sub/shoe-order.cycle']);
    });

    it('plain words for a missing file or a folder', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'old.cycle'), bank);
        const missing = runCli(['diff', join(dir, 'old.cycle'), join(dir, 'nope.cycle')]);
        expect(missing.status).toBe(2);
        expect(missing.stderr).toContain('nope.cycle: no such file.');
        const folder = runCli(['diff', dir, join(dir, 'old.cycle')]);
        expect(folder.status).toBe(2);
        expect(folder.stderr).toContain('is a folder, not a file');
        expect(missing.stderr + folder.stderr).not.toMatch(/E[A-Z]{3,}/);
    });

    it('--git outside a repository explains itself', () => {
        const result = runCli(['diff', '--git'], { cwd: scratch() });
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^cycle: the current folder .* is not inside a git repository/);
    });

    it('git diff shows the semantic diff through .gitattributes and the diff driver', () => {
        const dir = repository();
        writeFileSync(join(dir, '.gitattributes'), '*.cycle diff=cycle\n');
        git(dir, 'config', 'diff.cycle.command', `${process.execPath} ${CLI} diff-driver`);
        writeFileSync(join(dir, 'bank-check-cashing.cycle'), changedBank);
        const output = git(dir, 'diff');
        expect(output).toContain('bank-check-cashing.cycle');
        expect(output).toContain('⚠ `receive-cash` loses the only prevent mitigation');
        expect(output).toContain('~ moment `wait-turn` changed: waitLimit "20 min" → "40 min"');
        expect(output).not.toMatch(/^@@/m); // not a line diff
    });
});

describe('cycle render --diff', () => {
    it('draws the new version with the change on it', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'old.cycle'), bank);
        writeFileSync(join(dir, 'new.cycle'), changedBank.replace('  moment called "Is called to the window"\n    channel facility\n', ''));
        const result = runCli(['render', '--diff', join(dir, 'old.cycle'), join(dir, 'new.cycle'), '-o', join(dir, 'diff.svg')]);
        expect(result.status).toBe(0);
        const svg = readFileSync(join(dir, 'diff.svg'), 'utf8');
        expect(svg).toMatch(/class="moment diff-removed" data-moment="called"/);
        expect(svg).toMatch(/class="moment critical unmitigated diff-changed" data-moment="receive-cash"/);
        expect(runCli(['render', '--diff', join(dir, 'diff.png').replace('.png', '.cycle')]).status).toBe(2);
    });

    it('refuses a folder: render takes one file', () => {
        const result = runCli(['render', 'examples']);
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/examples is a folder, not a file/);
    });
});

describe('cycle fmt', () => {
    const examples = readdirSync(join(PROJECT_ROOT, 'examples')).filter(f => f.endsWith('.cycle'));

    it('leaves every example as it is (they are canonical), and --check agrees', () => {
        const result = runCli(['fmt', '--check', 'examples']);
        expect(result.stdout).toBe('');
        expect(result.status).toBe(0);
    });

    it('round trips every example, messed up: canonical again, comments kept, the same model', () => {
        const dir = scratch();
        for (const file of examples) {
            const messy = readFileSync(join(PROJECT_ROOT, 'examples', file), 'utf8')
                .split('\n').map(line => line.trimStart().startsWith('#') ? line : line.replace(/^( *)/, m => m + m).replace(/ "/, '   "')).join('\n').replace(/\n\n/g, '\n\n\n\n');
            writeFileSync(join(dir, file), messy);
        }
        const check = runCli(['fmt', '--check', dir]);
        expect(check.status).toBe(1);
        expect(check.stdout.trim().split('\n')).toHaveLength(examples.length);
        const fixed = runCli(['fmt', dir]);
        expect(fixed.status).toBe(0);
        for (const file of examples) {
            const original = readFileSync(join(PROJECT_ROOT, 'examples', file), 'utf8');
            expect(readFileSync(join(dir, file), 'utf8'), file).toBe(original);
            const model = (path: string) => JSON.parse(runCli(['export', path, '--to', 'json']).stdout).cycles.map((c: { id: string; moments: unknown[] }) => ({ id: c.id, moments: c.moments.length }));
            expect(model(join(dir, file))).toEqual(model(join(PROJECT_ROOT, 'examples', file)));
        }
        expect(runCli(['fmt', '--check', dir]).status).toBe(0); // idempotent
    });

    it('keeps the file\'s own line ends: CRLF (Windows) and a lone CR (old Mac) stay as they were', () => {
        const dir = scratch();
        const messy = bank.replace('  moment called "Is called to the window"', '  moment   called    "Is called to the window"');
        for (const [name, eol] of [['crlf.cycle', '\r\n'], ['cr.cycle', '\r']]) {
            writeFileSync(join(dir, name), messy.replace(/\n/g, eol));
            expect(runCli(['fmt', join(dir, name)]).status).toBe(0);
            expect(readFileSync(join(dir, name), 'utf8'), name).toBe(bank.replace(/\n/g, eol));
        }
    });

    it('writes through a symbolic link and keeps the file\'s permissions', () => {
        const dir = scratch();
        const messy = bank.replace('  moment called "Is called to the window"', '  moment   called    "Is called to the window"');
        mkdirSync(join(dir, 'real'));
        writeFileSync(join(dir, 'real', 'bank.cycle'), messy);
        chmodSync(join(dir, 'real', 'bank.cycle'), 0o640);
        mkdirSync(join(dir, 'linked'));
        symlinkSync(join('..', 'real', 'bank.cycle'), join(dir, 'linked', 'bank.cycle'));
        const result = runCli(['fmt', join(dir, 'linked', 'bank.cycle')]);
        expect(result.status).toBe(0);
        expect(lstatSync(join(dir, 'linked', 'bank.cycle')).isSymbolicLink()).toBe(true);
        expect(readFileSync(join(dir, 'real', 'bank.cycle'), 'utf8')).toBe(bank);
        expect(statSync(join(dir, 'real', 'bank.cycle')).mode & 0o777).toBe(0o640);
        expect(readdirSync(join(dir, 'real'))).toEqual(['bank.cycle']); // no temporary file left behind
        expect(readdirSync(join(dir, 'linked'))).toEqual(['bank.cycle']);
    });

    it('never touches a file with syntax errors', () => {
        const dir = scratch();
        const broken = 'cycle c "x"\n      goal   "g" "h"\n';
        writeFileSync(join(dir, 'broken.cycle'), broken);
        const before = statSync(join(dir, 'broken.cycle')).mtimeMs;
        const result = runCli(['fmt', dir]);
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/broken\.cycle has syntax errors and was left as it is/);
        expect(readFileSync(join(dir, 'broken.cycle'), 'utf8')).toBe(broken);
        expect(statSync(join(dir, 'broken.cycle')).mtimeMs).toBe(before);
        expect(readdirSync(dir)).toEqual(['broken.cycle']); // no temporary file left behind
    });
});

describe('cycle export', () => {
    it('--to mermaid: a journey with phases as sections, moments as tasks, feels as scores, roles as actors', () => {
        const result = runCli(['export', 'examples/bank-check-cashing.cycle', '--to', 'mermaid']);
        expect(result.status).toBe(0);
        const lines = result.stdout.split('\n');
        expect(lines[0]).toBe('journey');
        expect(lines[1]).toBe('  title Cashing a check at a bank branch');
        expect(lines).toContain('  section Getting there');
        expect(lines).toContain('    Is told to take a number - service is by order of arrival ⚠: 2: Customer, Floor employee');
        expect(lines).toContain('    Checks the money received - the amount is correct: 5: Customer');
    });

    it('--to markdown: moments table, critical moments, requirements and actions, priorities, survey', () => {
        const markdown = runCli(['export', 'examples/bank-check-cashing.cycle', '--to', 'markdown']).stdout;
        for (const heading of ['## Moments of truth', '## Critical moments', '## Requirements and actions', '## Priority areas', '## Satisfaction survey']) {
            expect(markdown).toContain(heading);
        }
        expect(markdown).toContain('⚠️ **No prevent mitigation**');
        expect(markdown).toMatch(/1\. Cash handling at the window \(`cash-handling`\)/);
    });

    it('--to json: the cycle model, versioned', () => {
        const json = JSON.parse(runCli(['export', 'examples/shoe-order.cycle', '--to', 'json']).stdout);
        expect(json.modelVersion).toBe(1);
        expect(json.cycles[0].moments.map((m: { id: string }) => m.id)).toEqual(['confirm', 'wait-parcel', 'try-on']);
    });

    it('--to json gives the same model from any working folder: the file is named by its file:// URI (issue 11)', () => {
        const fromRoot = runCli(['export', 'examples/shoe-order.cycle', '--to', 'json']);
        const fromExamples = runCli(['export', 'shoe-order.cycle', '--to', 'json'], { cwd: join(PROJECT_ROOT, 'examples') });
        const fromElsewhere = runCli(['export', join(PROJECT_ROOT, 'examples', 'shoe-order.cycle'), '--to', 'json'], { cwd: tmpdir() });
        expect(fromRoot.status).toBe(0);
        expect(fromExamples.stdout).toBe(fromRoot.stdout);
        expect(fromElsewhere.stdout).toBe(fromRoot.stdout);
        expect(JSON.parse(fromRoot.stdout).uri).toBe(pathToFileURL(join(PROJECT_ROOT, 'examples', 'shoe-order.cycle')).toString());
    });

    it('refuses unknown formats and broken files', () => {
        expect(runCli(['export', 'examples/bank-check-cashing.cycle', '--to', 'pdf']).status).toBe(2);
        expect(runCli(['export', 'examples/bank-check-cashing.cycle']).status).toBe(2);
        const dir = scratch();
        writeFileSync(join(dir, 'b.cycle'), 'cycle c "x" "y"\n');
        expect(runCli(['export', join(dir, 'b.cycle'), '--to', 'json']).status).toBe(1);
    });
});
