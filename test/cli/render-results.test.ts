import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/**
 * A small shop with a survey and twelve answers, worked out by hand:
 * m1 (critical): s1 answers 1,2,1,2… → no top-two-box answer, CSAT 0, Wilson upper
 *   bound for 0 of 12 = 1.96² / (12 + 1.96²) = 3.8416 / 15.8416 ≈ 0.243 < 0.8: clearly failing;
 * m2: s2 all 5 → CSAT 1, on target; m3: s3 3,4,5,… → 8 of 12 in 4–5, CSAT 0.667, below;
 * m4: not asked about. Importance stated (i1–i3) for m1–m3: three points on the scatter.
 */
const CYCLE = `cycle shop "Shop visit"
  goal "Buy what I need"
  moment m1 "Finds the shelf </text><script>alert(1)</script>"
    critical
      risk "Gets lost"
      prevent "Signs"
  moment m2 "Pays at the till"
  moment m3 "Leaves the shop"
  moment m4 "Comes back another day"
  survey exit "Exit"
    results "answers.csv"
    question s1 "Was the shelf easy to find?"
      about m1
      answer scale 1..5 "Not at all" "Very"
    question s2 "How was paying?"
      about m2
      answer scale 1..5 "Bad" "Good"
    question s3 "How was leaving?"
      about m3
      answer scale 1..5 "Bad" "Good"
    question i1 "How much does finding the shelf matter?"
      about m1
      measures importance
      answer scale 1..5 "Not" "Very"
    question i2 "How much does paying matter?"
      about m2
      measures importance
      answer scale 1..5 "Not" "Very"
    question i3 "How much does leaving matter?"
      about m3
      measures importance
      answer scale 1..5 "Not" "Very"
`;

function shop(config?: object, csv = true): string {
    const dir = mkdtempSync(join(tmpdir(), 'cycle-render-results-'));
    writeFileSync(join(dir, 'shop.cycle'), CYCLE);
    const rows = ['s1,s2,s3,i1,i2,i3'];
    for (let k = 0; k < 12; k++) rows.push(`${1 + (k % 2)},5,${3 + (k % 3)},5,${3 + (k % 2)},2`);
    if (csv) writeFileSync(join(dir, 'answers.csv'), rows.join('\n') + '\n');
    if (config) writeFileSync(join(dir, 'cycle.config.json'), JSON.stringify(config));
    return join(dir, 'shop.cycle');
}

const moments = (svg: string) => [...svg.matchAll(/<g class="([^"]*)" data-moment="([^"]*)"/g)].map(m => ({ id: m[2], classes: m[1].split(' ') }));

describe('cycle render --results', () => {
    it('--view ipa draws a point per moment with both figures, and no other', () => {
        const result = runCli(['render', shop(), '--results', '--view', 'ipa']);
        expect(result.status, result.stderr).toBe(0);
        expect(result.stdout).toContain('view-ipa');
        expect(moments(result.stdout).map(m => m.id)).toEqual(['m1', 'm2', 'm3']);
        expect(result.stdout).toContain('Concentrate here');
        // The label is text, never markup.
        expect(result.stdout).not.toContain('<script>');
        expect(result.stdout).toContain('&lt;/text&gt;&lt;script&gt;');
    });

    it('the clock marks the clearly failing critical moment, and only it, with its figure', () => {
        const result = runCli(['render', shop(), '--results']);
        expect(result.status, result.stderr).toBe(0);
        expect(moments(result.stdout).filter(m => m.classes.includes('failing')).map(m => m.id)).toEqual(['m1']);
        expect(result.stdout).toContain('CSAT 0% n=12 · below target');
        expect(result.stdout).toContain('CSAT 100% n=12 · on target');
        expect(result.stdout).toContain('CSAT 67% n=12 · below target');
        expect(result.stdout).toContain('× FAILING: below 80%');
    });

    it('holds the moments to the CSAT target of cycle.config.json', () => {
        // 0.2 < m1's upper bound 0.243: no longer clearly failing; m3's 0.667 ≥ 0.2: on target.
        const result = runCli(['render', shop({ survey: { csatTarget: 0.2 } }), '--results']);
        expect(result.status, result.stderr).toBe(0);
        expect(moments(result.stdout).some(m => m.classes.includes('failing'))).toBe(false);
        expect(result.stdout).toContain('CSAT 67% n=12 · on target');
        expect(result.stdout).toContain('CSAT ≥ 20%');
    });

    it('without --results draws exactly what it drew before', () => {
        const file = shop();
        const plain = runCli(['render', file]);
        expect(plain.status).toBe(0);
        expect(plain.stdout).not.toMatch(/csat-ring|CSAT|failing/);
    });

    it('writes a PNG of the scatter', () => {
        const file = shop();
        const png = join(file, '..', 'ipa.png');
        const result = runCli(['render', file, '--results', '--view', 'ipa', '-o', png]);
        expect(result.status, result.stderr).toBe(0);
        expect(readFileSync(png).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
        expect(result.stderr).toContain('ipa view of shop with survey results');
    });

    it('refuses clearly: --view ipa without --results, no results lines, an unreadable wave', () => {
        const ipa = runCli(['render', shop(), '--view', 'ipa']);
        expect(ipa.status).toBe(2);
        expect(ipa.stderr).toContain('the ipa view draws survey results: cycle render FILE --results --view ipa');
        const none = runCli(['render', 'examples/restaurant.cycle', '--results']);
        expect(none.status).toBe(2);
        expect(none.stderr).toContain('has no survey with results lines');
        const missing = runCli(['render', shop(undefined, false), '--results']);
        expect(missing.status).toBe(1);
        expect(missing.stderr).toContain('could not be read (answers.csv)');
        expect(missing.stderr).toContain('cycle check');
    });

    it('the bank example\'s scatter: a point for every moment its survey gives both figures', () => {
        const result = runCli(['render', 'examples/bank-check-cashing.cycle', '--results', '--view', 'ipa']);
        expect(result.status, result.stderr).toBe(0);
        const drawn = moments(result.stdout);
        expect(drawn.length).toBeGreaterThanOrEqual(3);
        for (const { id } of drawn) expect(result.stdout).toMatch(new RegExp(`data-moment="${id}" data-step="\\d+" data-performance="[\\d.]+" data-importance="-?[\\d.]+"`));
    });
});
