import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli } from './run-cli.js';

/** The built `cycle` command on hostile input, as a user runs it (issue 10, items 8, 11, 12). */
const scratch = () => mkdtempSync(join(tmpdir(), 'cycle-trust-'));
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const TWO_CYCLES = 'cycle first "First"\n  goal "g"\n  moment a "A"\n\ncycle second "Second"\n  goal "g"\n  moment b "B"\n';

describe('issue 10 item 8: cycle export --to mermaid of a file with several cycles', () => {
    it('issue 10 item 8: refuses with exit 2, naming the cycles and --cycle, and writes nothing', () => {
        const dir = scratch();
        const file = join(dir, 'two.cycle');
        writeFileSync(file, TWO_CYCLES);
        const result = runCli(['export', file, '--to', 'mermaid', '-o', join(dir, 'out.mmd')]);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^cycle: .*two\.cycle has 2 cycles \(`first`, `second`\), and a Mermaid journey shows one: choose it with --cycle ID/);
        expect(existsSync(join(dir, 'out.mmd'))).toBe(false);
        expect(runCli(['export', file, '--to', 'mermaid']).stdout).toBe('');
    });

    it('with --cycle, one journey of that cycle (the way out the refusal names)', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'two.cycle'), TWO_CYCLES);
        const result = runCli(['export', join(dir, 'two.cycle'), '--to', 'mermaid', '--cycle', 'second']);
        expect(result.status).toBe(0);
        expect(result.stdout.match(/^journey$/gm)).toHaveLength(1);
        expect(result.stdout).toContain('  title Second\n');
        expect(result.stdout).not.toContain('First');
    });
});

describe('issue 10 item 11: what the CLI prints cannot drive the terminal', () => {
    it('issue 10 item 11: cycle check (pretty) escapes the escape sequences of a label', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'a.cycle'), 'cycle c "C\u001b[2J"\n  goal "g"\n  moment m "Pays \u001b[1A\u001b[2K\u009b2J"\n    critical\n      risk "r"\n');
        const result = runCli(['check', join(dir, 'a.cycle')]);
        expect(result.status).toBe(0);
        expect(result.stdout).not.toMatch(CONTROL);
        expect(result.stdout).toContain('moment m "Pays \\x1b[1A\\x1b[2K\\u009b2J"');
    });

    it('issue 10 item 11: cycle export echoes a --cycle id with its control characters escaped', () => {
        const result = runCli(['export', 'examples/shoe-order.cycle', '--to', 'json', '--cycle', 'x\u001b]0;owned\u0007']);
        expect(result.status).toBe(2);
        expect(result.stderr).not.toMatch(CONTROL);
        expect(result.stderr).toContain('has no cycle `x\\x1b]0;owned\\x07`');
    });
});

describe('issue 10 item 12: cycle export --to json says how it counts positions', () => {
    it('issue 10 item 12: a top-level `positions` note, 0-based as LSP, the other fields unchanged', () => {
        const json = JSON.parse(runCli(['export', 'examples/shoe-order.cycle', '--to', 'json']).stdout);
        expect(Object.keys(json)).toEqual(['modelVersion', 'positions', 'uri', 'roles', 'cycles']);
        expect(json.modelVersion).toBe(1);
        expect(json.positions).toMatch(/^0-based line and character .*as in LSP/);
        // The first moment's id really is where a 0-based count says.
        const { start } = json.cycles[0].moments[0].idRange;
        const line = readFileSync(join(PROJECT_ROOT, 'examples/shoe-order.cycle'), 'utf8').split('\n')[start.line];
        expect(line.slice(start.character)).toMatch(/^confirm\b/);
    });
});
