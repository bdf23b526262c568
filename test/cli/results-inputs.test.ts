import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli } from './run-cli.js';

/**
 * A survey's answers files are the cycle's inputs too: `-o` naming one of them (or a
 * link to it) is refused, and the answers stay as they were. Found by trying `cycle
 * survey form bank.cycle -o bank-waves/2026-q1.csv`, which wrote the empty template
 * over the first wave's 150 answers.
 */
function bankFolder(): string {
    const folder = mkdtempSync(join(tmpdir(), 'cycle-results-inputs-'));
    cpSync(join(PROJECT_ROOT, 'examples', 'bank-check-cashing.cycle'), join(folder, 'bank.cycle'));
    cpSync(join(PROJECT_ROOT, 'examples', 'bank-waves'), join(folder, 'bank-waves'), { recursive: true });
    return folder;
}

describe('the CLI never writes over a survey results file the cycle lists', () => {
    const cases: [string, string[]][] = [
        ['survey form', ['survey', 'form', 'bank.cycle', '-o', 'bank-waves/2026-q1.csv']],
        ['export', ['export', 'bank.cycle', '--to', 'json', '-o', 'bank-waves/2026-q2.csv']],
        ['survey form through a link', ['survey', 'form', 'bank.cycle', '-o', 'answers-link.csv']]
    ];
    for (const [name, args] of cases) {
        it(`${name}: refused (exit 2), the answers unchanged`, () => {
            const folder = bankFolder();
            symlinkSync('bank-waves/2026-q1.csv', join(folder, 'answers-link.csv'));
            const before = [readFileSync(join(folder, 'bank-waves/2026-q1.csv')), readFileSync(join(folder, 'bank-waves/2026-q2.csv'))];
            const result = runCli(args, { cwd: folder });
            expect(result.status).toBe(2);
            expect(result.stderr).toMatch(/is a survey results file that bank\.cycle lists, whose answers would be lost/);
            expect(readFileSync(join(folder, 'bank-waves/2026-q1.csv'))).toEqual(before[0]);
            expect(readFileSync(join(folder, 'bank-waves/2026-q2.csv'))).toEqual(before[1]);
        });
    }

    it('render and report refuse a results file whatever its name', () => {
        const folder = bankFolder();
        const cycle = readFileSync(join(folder, 'bank.cycle'), 'utf8').replace('results "bank-waves/2026-q1.csv"', 'results "answers.svg"\n    results "answers.html"');
        writeFileSync(join(folder, 'bank.cycle'), cycle);
        writeFileSync(join(folder, 'answers.svg'), 'respondent\n');
        writeFileSync(join(folder, 'answers.html'), 'respondent\n');
        expect(runCli(['render', 'bank.cycle', '-o', 'answers.svg'], { cwd: folder }).status).toBe(2);
        expect(runCli(['report', 'bank.cycle', '-o', 'answers.html'], { cwd: folder }).status).toBe(2);
        expect(readFileSync(join(folder, 'answers.svg'), 'utf8')).toBe('respondent\n');
        expect(readFileSync(join(folder, 'answers.html'), 'utf8')).toBe('respondent\n');
    });

    it('any other name is written as before', () => {
        const folder = bankFolder();
        expect(runCli(['survey', 'form', 'bank.cycle', '-o', 'template.csv'], { cwd: folder }).status).toBe(0);
        expect(readFileSync(join(folder, 'template.csv'), 'utf8')).toMatch(/^respondent,date,/);
        expect(runCli(['render', 'bank.cycle', '-o', 'clock.svg'], { cwd: folder }).status).toBe(0);
    });
});
