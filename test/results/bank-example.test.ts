import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as ast from '../../src/language/generated/ast.js';
import { planOf } from '../../src/language/results/plan-of.js';
import { DEFAULT_SURVEY_SETTINGS, resultsFindings, surveyResults, type SurveyPlan } from '../../src/results/index.js';
import { bankWaves } from '../../scripts/generate-bank-waves.js';
import { PROJECT_ROOT, runCli } from '../cli/run-cli.js';
import { check } from '../helpers.js';

/**
 * Issue 15's example: the bank's exit survey with two waves, in which
 * told-take-number clearly fails in the first quarter and no longer in the second.
 */
const examplePath = join(PROJECT_ROOT, 'examples', 'bank-check-cashing.cycle');
const wavesFolder = join(PROJECT_ROOT, 'examples', 'bank-waves');
const exampleText = readFileSync(examplePath, 'utf8');

async function bankPlan(): Promise<SurveyPlan> {
    const { document } = await check(exampleText);
    const cycle = document.parseResult.value.elements.find(ast.isCycle)!;
    const survey = cycle.items.find(ast.isSurvey)!;
    return planOf(cycle, survey);
}

function waveFile(name: string): Uint8Array {
    return new Uint8Array(readFileSync(join(wavesFolder, name)));
}

describe('issue 15: the bank example\'s survey waves', () => {
    it('are what scripts/generate-bank-waves.ts generates (npm run examples:bank-waves)', () => {
        for (const { file, text } of bankWaves()) {
            expect(readFileSync(join(wavesFolder, file), 'utf8'), `${file}: run npm run examples:bank-waves`).toBe(text);
        }
    });

    it('hold 150 and 180 respondents with respondent and date columns, some answers blank, none out of scale', async () => {
        const plan = await bankPlan();
        const results = surveyResults(plan, [{ path: 'q1', bytes: waveFile('2026-q1.csv') }, { path: 'q2', bytes: waveFile('2026-q2.csv') }]);
        expect(results.waves.map(w => w.read.wave?.responses)).toEqual([150, 180]);
        expect(results.waves.flatMap(w => w.read.problems)).toEqual([]);
        expect(readFileSync(join(wavesFolder, '2026-q1.csv'), 'utf8').split('\n')[0]).toMatch(/^respondent,date,/);
        // Every question has a column, and every column has blanks somewhere, yet enough answers.
        for (const question of plan.questions) {
            const values = results.waves[1].read.wave!.answers.get(question.id)!;
            expect(values.some(v => v === null), question.id).toBe(true);
            expect(values.filter(v => v !== null).length, question.id).toBeGreaterThanOrEqual(DEFAULT_SURVEY_SETTINGS.minResponses);
        }
    });

    it('told-take-number clearly fails in the first wave, not in the second, and the change is significant', async () => {
        const plan = await bankPlan();
        const results = surveyResults(plan, [{ path: 'q1', bytes: waveFile('2026-q1.csv') }, { path: 'q2', bytes: waveFile('2026-q2.csv') }]);
        const [q1, q2] = results.waves.map(w => w.figures!);
        const told = (figures: typeof q1) => figures.moments.find(m => m.id === 'told-take-number')!;
        expect(told(q1).csat!.high).toBeLessThan(0.8);
        expect(told(q2).csat!.high).toBeGreaterThanOrEqual(0.8);
        const failing = (figures: typeof q1) => resultsFindings(plan, figures, DEFAULT_SURVEY_SETTINGS)
            .filter(f => f.code === 'critical-moment-failing').map(f => f.target);
        expect(failing(q1)).toEqual([{ kind: 'moment', moment: 'told-take-number' }]);
        expect(failing(q2)).toEqual([]);
        const change = results.changes.find(c => c.moment === 'told-take-number')!;
        expect(change.to).toBeGreaterThan(change.from);
        expect(change.significant).toBe(true);
        // The figures the diagrams need: importance and a quadrant for the rated moments, a courtesy gap, an NPS.
        expect(q2.moments.filter(m => m.quadrant !== null).map(m => m.id)).toEqual(['told-take-number', 'wait-turn', 'hand-over', 'verify', 'receive-cash']);
        expect(q2.moments.find(m => m.id === 'receive-cash')!.importanceFrom).toBe('stated');
        expect(q2.qualities.map(q => q.quality)).toContain('courtesy');
        expect(q2.questions.find(q => q.id === 'recommend')!.nps).not.toBeNull();
    });
});

describe('issue 15: cycle check on the bank example', () => {
    const folder = mkdtempSync(join(tmpdir(), 'bank-q1-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('reports critical-moment-failing on told-take-number for the first wave only', () => {
        const current = runCli(['check', examplePath, '--format', 'json']);
        const codesOf = (stdout: string) => (JSON.parse(stdout) as { code: string; message: string }[]);
        expect(codesOf(current.stdout).filter(f => f.code === 'critical-moment-failing')).toEqual([]);

        // A copy listing only the first wave's file.
        mkdirSync(join(folder, 'bank-waves'));
        copyFileSync(join(wavesFolder, '2026-q1.csv'), join(folder, 'bank-waves', '2026-q1.csv'));
        writeFileSync(join(folder, 'bank.cycle'), exampleText.split('\n').filter(line => !line.includes('bank-waves/2026-q2.csv')).join('\n'));
        const first = runCli(['check', join(folder, 'bank.cycle'), '--format', 'json']);
        const failing = codesOf(first.stdout).filter(f => f.code === 'critical-moment-failing');
        expect(failing).toHaveLength(1);
        expect(failing[0].message).toMatch(/^CSAT of told-take-number is 32\.3% \(95% CI 27\.1%–37\.9%, n = 282, in bank-waves\/2026-q1\.csv\)/);
    });
});
