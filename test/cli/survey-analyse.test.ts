import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const CAFE = 'test/fixtures/survey-results/cafe.cycle';
const scratch = (): string => mkdtempSync(join(tmpdir(), 'cycle-survey-analyse-'));

/**
 * The cafe's two waves (test/fixtures/survey-results/), worked out by hand.
 *
 * Wave 2 (cafe-wave-2.csv, semicolons, columns in another order), 6 respondents:
 *   order-sat 5 5 4 4 5 3 → n 6, mean 26/6 = 4.3333; top two (4, 5): 5 of 6 → CSAT 0.8333.
 *     Wilson, z = 1.96, n = 6, p = 5/6: z²/n = 3.8416/6 = 0.64027;
 *     centre = (p + z²/2n) / (1 + z²/n) = (0.83333 + 0.32013) / 1.64027 = 0.70321;
 *     half = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n) = 1.96·√(0.023148 + 0.026678) / 1.64027
 *          = 1.96 · 0.223218 / 1.64027 = 0.26673 → low 0.4365, high 0.9699.
 *   wait-ok Yes y TRUE 1 no yes → 5 yes of 6 → CSAT 0.8333, the same interval.
 *   recommend 10 10 9 8 9 10 → n 6, mean 56/6 = 9.3333; promoters (9–10) 5/6, detractors (0–6) 0:
 *     NPS = 100 × (5/6 − 0) = 83.3333; ± 100 × 1.96 × √((5/6 + 0 − (5/6)²)/6) = 196 × √0.0231481
 *     = 196 × 0.152145 = 29.8204 → 53.5129 .. 113.1538, which the contract's range (NPS in
 *     −100..100) clips to 100.
 *   Moments: order ← order-sat: normalised (x−1)/4 = 1 1 .75 .75 1 .5 → performance 5/6 = 0.8333,
 *     CSAT 0.8333 as above; wait ← wait-ok: yes = 1, no = 0 → performance 0.8333, CSAT 0.8333.
 *     No importance question and no `overall` → importance null, no quadrant; no expectation → no qualities.
 * Wave 1 (cafe-wave-1.csv), 5 respondents: order-sat 5 4 3 2 (one blank) → CSAT 2/4 = 0.5;
 *   wait-ok yes no no yes no → 2/5 = 0.4.
 * Changes, pooled two-proportion z-test, two-sided:
 *   order: 2/4 → 5/6: pooled p = 7/10 = 0.7; se = √(0.7·0.3·(1/4 + 1/6)) = √0.0875 = 0.29580;
 *     z = (0.83333 − 0.5)/0.29580 = 1.12687; p = 2(1 − Φ(1.12687)) = 0.2598 → not significant.
 *   wait: 2/5 → 5/6: pooled p = 7/11 = 0.63636; se = √(0.63636·0.36364·(1/5 + 1/6)) = 0.29129;
 *     z = 0.43333/0.29129 = 1.48765; p = 2(1 − Φ(1.48765)) = 0.1368 → not significant.
 */
const WAVE_2_INTERVAL = { value: 0.8333, low: 0.4365, high: 0.9699 };

describe('cycle survey analyse --format json', () => {
    it("gives the contract's figures for the current wave and the change from the wave before", () => {
        const result = runCli(['survey', 'analyse', CAFE, '--format', 'json']);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        const json = JSON.parse(result.stdout);
        expect(Object.keys(json)).toEqual(['cycle', 'survey', 'wave', 'responses', 'questions', 'moments', 'qualities', 'changes']);
        expect(json).toMatchObject({ cycle: 'cafe', survey: 'exit', wave: 'cafe-wave-2.csv', responses: 6 });
        expect(json.questions).toEqual([
            { id: 'order-sat', n: 6, mean: 4.3333, csat: WAVE_2_INTERVAL, nps: null },
            { id: 'wait-ok', n: 6, mean: 0.8333, csat: WAVE_2_INTERVAL, nps: null },
            { id: 'recommend', n: 6, mean: 9.3333, csat: WAVE_2_INTERVAL, nps: { value: 83.3333, low: 53.5129, high: 100 } }
        ]);
        expect(json.moments).toEqual([
            { id: 'order', n: 6, performance: 0.8333, csat: WAVE_2_INTERVAL, importance: null, importanceFrom: null, quadrant: null },
            { id: 'wait', n: 6, performance: 0.8333, csat: WAVE_2_INTERVAL, importance: null, importanceFrom: null, quadrant: null }
        ]);
        expect(json.qualities).toEqual([]);
        expect(json.changes).toEqual([
            { moment: 'order', from: 0.5, to: 0.8333, p: 0.2598, significant: false },
            { moment: 'wait', from: 0.4, to: 0.8333, p: 0.1368, significant: false }
        ]);
    });

    it('--results: the files given instead, relative to the current folder; one wave has no `changes`', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'only.csv'), readFileSync('test/fixtures/survey-results/cafe-wave-1.csv'));
        const result = runCli(['survey', 'analyse', resolve(CAFE), '--results', 'only.csv', '--format', 'json'], { cwd: dir });
        expect(result.status).toBe(0);
        const json = JSON.parse(result.stdout);
        expect(json.wave).toBe('only.csv');
        expect(json.responses).toBe(5);
        expect('changes' in json).toBe(false);
        // Wave 1: order-sat 5 4 3 2 → top two 2 of 4; Wilson n = 4, p = .5: centre .5,
        // half = 1.96·√(.0625 + .060025)/1.9604 = .34996 → .15 .. .85.
        expect(json.moments[0]).toEqual({ id: 'order', n: 4, performance: 0.625, csat: { value: 0.5, low: 0.15, high: 0.85 }, importance: null, importanceFrom: null, quadrant: null });
        // recommend 10 9 7 6 0: promoters 2/5, detractors 2/5 → NPS 0 ± 196·√(.8/5) = ±78.4.
        expect(json.questions[2].nps).toEqual({ value: 0, low: -78.4, high: 78.4 });
    });

    it('marks a change significant when the z-test gives p < 0.05', () => {
        const dir = scratch();
        // wait-ok: 4 yes of 20, then 16 of 20. Pooled p = 20/40 = .5; se = √(.25·(1/20 + 1/20)) = .15811;
        // z = (.8 − .2)/.15811 = 3.7947; p = 2(1 − Φ(3.7947)) = 0.000148 → 0.0001, significant.
        const rows = (yes: number): string => 'wait-ok\n' + Array.from({ length: 20 }, (_, i) => (i < yes ? 'yes' : 'no')).join('\n') + '\n';
        writeFileSync(join(dir, 'before.csv'), rows(4));
        writeFileSync(join(dir, 'after.csv'), rows(16));
        const json = runCli(['survey', 'analyse', resolve(CAFE), '--results', 'before.csv', 'after.csv', '--format', 'json'], { cwd: dir });
        expect(json.status).toBe(0);
        const wait = JSON.parse(json.stdout).changes.find((c: { moment: string }) => c.moment === 'wait');
        expect(wait).toEqual({ moment: 'wait', from: 0.2, to: 0.8, p: 0.0001, significant: true });
        const text = runCli(['survey', 'analyse', resolve(CAFE), '--results', 'before.csv', 'after.csv'], { cwd: dir });
        expect(text.status).toBe(0);
        expect(text.stdout).toMatch(/^ {2}wait .*20\.0% → 80\.0% \(\+60\.0 pts, p = 0\.0001\) \*$/m);
        expect(text.stdout).toContain('* significant: a two-sided, pooled two-proportion z-test gives p < 0.05');
        const markdown = runCli(['survey', 'analyse', resolve(CAFE), '--results', 'before.csv', 'after.csv', '--format', 'markdown'], { cwd: dir });
        expect(markdown.stdout).toContain('**20.0% → 80.0% (+60.0 pts, p = 0.0001)** ✱');
    });
});

describe('cycle survey analyse as text and Markdown', () => {
    it('text: readable tables, the change per moment, nothing marked when nothing is significant', () => {
        const result = runCli(['survey', 'analyse', CAFE]);
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('Survey exit of cycle cafe: cafe-wave-2.csv (wave 2 of 2), 6 responses');
        expect(result.stdout).toContain('CSAT change: from cafe-wave-1.csv to cafe-wave-2.csv');
        expect(result.stdout).toMatch(/^ {2}order +6 +0\.83 +83\.3% \(43\.6%–97\.0%\) +– +– +50\.0% → 83\.3% \(\+33\.3 pts, p = 0\.2598\)$/m);
        expect(result.stdout).toMatch(/^ {2}recommend +6 +9\.33 +83\.3% \(43\.6%–97\.0%\) +\+83\.3 \(\+53\.5 to \+100\.0\)$/m);
        expect(result.stdout).not.toContain('*');
    });

    it('markdown: GitHub tables with ids as code', () => {
        const result = runCli(['survey', 'analyse', CAFE, '--format', 'markdown']);
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('## Survey `exit` of cycle `cafe`: `cafe-wave-2.csv` (wave 2 of 2), 6 responses');
        expect(result.stdout).toContain('| `order` | 6 | 0.83 | 83.3% (43.6%–97.0%) | – | – | 50.0% → 83.3% (+33.3 pts, p = 0.2598) |');
    });
});

describe('cycle survey analyse: bad input', () => {
    it('a value out of scale: file.csv:line:col on standard error as cycle check places it, exit 1, the rest still counted', () => {
        const dir = scratch();
        // Row 3 (the header is row 1), field 2: order-sat = 7 on a 1..5 scale; `r2,7,no`: the cell starts at character 4.
        writeFileSync(join(dir, 'bad.csv'), 'respondent,order-sat,wait-ok\nr1,5,yes\nr2,7,no\nr3,4,yes\n');
        const result = runCli(['survey', 'analyse', resolve(CAFE), '--results', 'bad.csv', '--format', 'json'], { cwd: dir });
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/^cycle: bad\.csv:3:4: Row 3, column 2: .*7.*\(answer-out-of-scale\)$/m);
        const json = JSON.parse(result.stdout);
        expect(json.responses).toBe(3);
        expect(json.questions[0]).toMatchObject({ id: 'order-sat', n: 2 });
    });

    it('an unknown column is named with its place', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'unknown.csv'), 'order-sat,wait-okay\n5,yes\n');
        const result = runCli(['survey', 'analyse', resolve(CAFE), '--results', 'unknown.csv'], { cwd: dir });
        expect(result.status).toBe(1);
        // `order-sat,wait-okay`: the second header cell starts at character 11.
        expect(result.stderr).toMatch(/^cycle: unknown\.csv:1:11: .*wait-okay.*\(results-unknown-question\)$/m);
    });

    it('a record after a quoted cell spanning two lines: its line in the file, its row in the message', () => {
        const dir = scratch();
        // Record 3 (row 3) starts on line 4, because row 2's first cell holds a line break.
        writeFileSync(join(dir, 'multi.csv'), 'respondent;order-sat\n"r1\nsecond line";5\nr2;9\n');
        const result = runCli(['survey', 'analyse', resolve(CAFE), '--results', 'multi.csv'], { cwd: dir });
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/^cycle: multi\.csv:4:4: Row 3, column 2: .*9/m);
    });

    it("a results line's file is named from the current folder, as cycle check names it", () => {
        const dir = scratch();
        mkdirSync(join(dir, 'waves'));
        writeFileSync(join(dir, 'waves', 'q1.csv'), 'q\nmaybe\n');
        writeFileSync(join(dir, 'c.cycle'), 'cycle a "A"\n  moment m "M"\n  survey s "S"\n    results "waves/q1.csv"\n    question q "Q?"\n      about m\n      answer yes-no\n');
        const result = runCli(['survey', 'analyse', join(dir, 'c.cycle')], { cwd: tmpdir() });
        expect(result.status).toBe(1);
        const shown = relative(tmpdir(), join(dir, 'waves', 'q1.csv'));
        expect(result.stderr).toContain(`cycle: ${shown}:2:1: Row 2, column 1:`);
        const check = runCli(['check', join(dir, 'c.cycle')], { cwd: tmpdir() });
        expect(check.stdout).toContain(`${shown}:2:1`);
    });

    it('a control character in a results file name is shown escaped', () => {
        const dir = scratch();
        const name = 'evil\u001b[2J.csv';
        writeFileSync(join(dir, name), 'order-sat\n9\n');
        const result = runCli(['survey', 'analyse', resolve(CAFE), '--results', name], { cwd: dir });
        expect(result.status).toBe(1);
        expect(result.stderr).toContain('evil\\x1b[2J.csv:2:1:');
        expect(result.stdout + result.stderr).not.toContain('\u001b');
    });

    it("a file a `results` line names that is missing: the core's finding, exit 1; nothing to print when it is the current wave", () => {
        const dir = scratch();
        writeFileSync(join(dir, 'old.csv'), 'q\nyes\n');
        const cycle = 'cycle a "A"\n  moment m "M"\n  survey s "S"\n    results "old.csv"\n    results "gone.csv"\n    question q "Q?"\n      about m\n      answer yes-no\n';
        writeFileSync(join(dir, 'lost.cycle'), cycle);
        const lost = runCli(['survey', 'analyse', 'lost.cycle'], { cwd: dir });
        expect(lost.status).toBe(1);
        expect(lost.stderr).toMatch(/^cycle: gone\.csv: .*could not be read.*\(results-unreadable\)$/m);
        expect(lost.stderr).toContain('cycle: the current wave, gone.csv, could not be read: nothing to analyse.');
        expect(lost.stdout).toBe('');
        // The other way round, the current wave is read and its figures printed; there is no change to measure.
        writeFileSync(join(dir, 'found.cycle'), cycle.replace('results "old.csv"\n    results "gone.csv"', 'results "gone.csv"\n    results "old.csv"'));
        const found = runCli(['survey', 'analyse', 'found.cycle', '--format', 'json'], { cwd: dir });
        expect(found.status).toBe(1);
        expect(JSON.parse(found.stdout)).toMatchObject({ wave: 'old.csv', responses: 1, changes: [] });
    });

    it('a results file given that does not exist: exit 2, nothing printed on standard output', () => {
        const result = runCli(['survey', 'analyse', CAFE, '--results', 'no-such-wave.csv']);
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('cycle: cannot read no-such-wave.csv: no such file.\n');
        expect(result.stdout).toBe('');
        const folder = runCli(['survey', 'analyse', CAFE, '--results', 'test/fixtures']);
        expect(folder.status).toBe(2);
        expect(folder.stderr).toBe('cycle: cannot read test/fixtures: it is a folder, not a file.\n');
        const empty = runCli(['survey', 'analyse', CAFE, '--results', '']);
        expect(empty.status).toBe(2);
        expect(empty.stderr).toBe('cycle: --results was given an empty path: name a results file (.csv).\n');
    });

    it('a survey with no results yet says how to add them', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'none.cycle'), 'cycle a "A"\n  moment m "M"\n  survey s "S"\n    question q "Q?"\n      about m\n      answer yes-no\n');
        const result = runCli(['survey', 'analyse', join(dir, 'none.cycle')]);
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('has no results yet: add a line `results "answers.csv"` to it, or name the files with --results answers.csv.');
    });

    it("the form's CSV template reads back as a wave of no responses", () => {
        const dir = scratch();
        expect(runCli(['survey', 'form', resolve(CAFE), '-o', 'template.csv'], { cwd: dir }).status).toBe(0);
        const result = runCli(['survey', 'analyse', resolve(CAFE), '--results', 'template.csv', '--format', 'json'], { cwd: dir });
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        const json = JSON.parse(result.stdout);
        expect(json.responses).toBe(0);
        expect(json.questions.map((q: { n: number; csat: unknown }) => [q.n, q.csat])).toEqual([[0, null], [0, null], [0, null]]);
    });
});

describe('the bank example (examples/bank-waves/, two waves of 150 and 180 respondents)', () => {
    const BANK = 'examples/bank-check-cashing.cycle';

    it('survey analyse --format json: the current wave, and told-take-number improved significantly', () => {
        const result = runCli(['survey', 'analyse', BANK, '--format', 'json']);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        const json = JSON.parse(result.stdout);
        expect(Object.keys(json)).toEqual(['cycle', 'survey', 'wave', 'responses', 'questions', 'moments', 'qualities', 'changes']);
        expect(json).toMatchObject({ cycle: 'bank-check-cashing', survey: 'exit', wave: 'bank-waves/2026-q2.csv', responses: 180 });
        const told = json.changes.find((c: { moment: string }) => c.moment === 'told-take-number');
        expect(told.significant).toBe(true);
        expect(told.p).toBeLessThan(0.05);
        expect(told.to).toBeGreaterThan(told.from);
        for (const figure of [...json.questions, ...json.moments]) {
            for (const e of [figure.csat, figure.nps]) if (e) expect(e.low <= e.value && e.value <= e.high).toBe(true);
        }
    });

    it('the first wave alone: told-take-number clearly fails (its CSAT upper bound under the 0.8 target), no changes', () => {
        const json = JSON.parse(runCli(['survey', 'analyse', BANK, '--results', 'examples/bank-waves/2026-q1.csv', '--format', 'json']).stdout);
        expect(json.responses).toBe(150);
        expect('changes' in json).toBe(false);
        expect(json.moments.find((m: { id: string }) => m.id === 'told-take-number').csat.high).toBeLessThan(0.8);
    });

    it('text: the significant change is marked on its row', () => {
        const result = runCli(['survey', 'analyse', BANK]);
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(/^ {2}told-take-number .*→.*\*$/m);
    });

    it("the form's CSV template has exactly the waves' columns", () => {
        const template = runCli(['survey', 'form', BANK, '--format', 'csv']).stdout.trim().split(',');
        for (const wave of ['2026-q1', '2026-q2']) {
            const header = readFileSync(`examples/bank-waves/${wave}.csv`, 'utf8').split(/\r?\n/)[0].split(',');
            expect(new Set(template)).toEqual(new Set(header));
        }
    });
});
