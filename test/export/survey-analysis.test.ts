import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/cli/formats/pretty-format.js';
import { analysisJson, analysisMarkdown, analysisText, type SurveyAnalysis } from '../../src/export/survey-analysis.js';
import type { WaveFigures } from '../../src/results/results-types.js';

/** Figures as the results core hands them over (its own tests check the arithmetic). */
const FIGURES: WaveFigures = {
    cycle: 'bank', survey: 'exit', wave: 'waves/q2.csv', responses: 180,
    questions: [
        { id: 'queue-clear', n: 178, mean: 3.9101, csat: { value: 0.7135, low: 0.6431, high: 0.7746 }, nps: null },
        { id: 'recommend', n: 170, mean: 7.8, csat: { value: 0.4, low: 0.3289, high: 0.4754 }, nps: { value: 12.3529, low: -0.5, high: 25.2 } }
    ],
    moments: [
        { id: 'told-take-number', n: 178, performance: 0.7275, csat: { value: 0.7135, low: 0.6431, high: 0.7746 }, importance: 0.41, importanceFrom: 'derived', quadrant: 'keep-up' },
        { id: 'wait-turn', n: 0, performance: null, csat: null, importance: null, importanceFrom: null, quadrant: null }
    ],
    qualities: [{ quality: 'communication', satisfaction: 0.7275, expectation: 0.8, gap: -0.0725 }]
};

const ONE: SurveyAnalysis = { figures: FIGURES, waves: ['waves/q2.csv'], changes: null, earlier: null, asked: ['told-take-number'] };
const TWO: SurveyAnalysis = {
    figures: FIGURES, waves: ['waves/q1.csv', 'waves/q2.csv'], earlier: 'waves/q1.csv', asked: ['told-take-number'],
    changes: [{ moment: 'told-take-number', from: 0.3867, to: 0.7135, p: 0.00001234, significant: true }]
};

describe('analysisJson', () => {
    it("is the contract's shape, keys in its order, and no `changes` with one wave", () => {
        const json = analysisJson(ONE) as Record<string, unknown>;
        expect(Object.keys(json)).toEqual(['cycle', 'survey', 'wave', 'responses', 'questions', 'moments', 'qualities']);
        expect(Object.keys((json.questions as object[])[0])).toEqual(['id', 'n', 'mean', 'csat', 'nps']);
        expect(Object.keys((json.moments as object[])[0])).toEqual(['id', 'n', 'performance', 'csat', 'importance', 'importanceFrom', 'quadrant']);
        expect(Object.keys((json.qualities as object[])[0])).toEqual(['quality', 'satisfaction', 'expectation', 'gap']);
        expect(json.moments).toEqual(FIGURES.moments);
    });
    it('adds `changes` with two waves, rounded to 4 decimals', () => {
        const json = analysisJson(TWO) as { changes: unknown[] };
        expect(json.changes).toEqual([{ moment: 'told-take-number', from: 0.3867, to: 0.7135, p: 0, significant: true }]);
    });
    it('adds an empty `changes` when the earlier wave gave no change to measure', () => {
        expect((analysisJson({ ...TWO, changes: [], earlier: null }) as { changes: unknown[] }).changes).toEqual([]);
    });
});

describe('analysisText', () => {
    it('tables the figures, and marks a significant change with its p and a note', () => {
        const text = analysisText(TWO, displayWidth);
        expect(text).toContain('Survey exit of cycle bank: waves/q2.csv (wave 2 of 2), 180 responses');
        expect(text).toContain('CSAT change: from waves/q1.csv to waves/q2.csv');
        const row = text.split('\n').find(line => line.trimStart().startsWith('told-take-number'))!;
        expect(row).toMatch(/0\.73 +71\.4% \(64\.3%–77\.5%\) +0\.41 \(derived\) +keep-up +38\.7% → 71\.4% \(\+32\.7 pts, p < 0\.0001\) \*$/);
        expect(text).toContain('* significant: a two-sided, pooled two-proportion z-test gives p < 0.05');
        expect(text).toContain('+12.4 (−0.5 to +25.2)');
        expect(text).toMatch(/communication +0\.73 +0\.80 +−0\.07/);
    });
    it('names the moments no question is about under the table instead of a row of dashes each', () => {
        const text = analysisText(ONE, displayWidth);
        expect(text).not.toMatch(/^ {2}wait-turn /m);
        expect(text).toContain('  No question about: wait-turn');
        expect(analysisMarkdown(ONE)).toContain('No question about: `wait-turn`.');
        // Asked about, even with no answer yet: a row.
        const asked = analysisText({ ...ONE, asked: ['told-take-number', 'wait-turn'] }, displayWidth);
        expect(asked).toMatch(/^ {2}wait-turn +0 +– +– +– +–$/m);
        expect(asked).not.toContain('No question about');
    });

    it('marks nothing when no change is significant', () => {
        const text = analysisText({ ...TWO, changes: [{ ...TWO.changes![0], p: 0.2598, significant: false }] }, displayWidth);
        expect(text).toContain('(+32.7 pts, p = 0.2598)');
        expect(text).not.toContain('*');
    });
    it('shows control characters in ids and paths escaped, and aligns wide characters', () => {
        const text = analysisText({ ...ONE, figures: { ...FIGURES, wave: 'evil\u001b[2J.csv', moments: [{ ...FIGURES.moments[0], id: '取号' }] } }, displayWidth);
        expect(text).not.toContain('\u001b');
        expect(text).toContain('evil\\x1b[2J.csv');
        const lines = text.split('\n');
        const head = lines.find(l => l.trimStart().startsWith('moment '))!;
        const row = lines.find(l => l.includes('取号'))!;
        // `n` ends in the same terminal cell in the head and the row (取号 takes four cells).
        expect(displayWidth(head.slice(0, head.indexOf(' n') + 2))).toBe(displayWidth(row.slice(0, row.indexOf('178') + 3)));
    });
});

describe('analysisMarkdown', () => {
    it('GitHub tables, ids as code, the significant change in bold', () => {
        const md = analysisMarkdown(TWO);
        expect(md).toContain('## Survey `exit` of cycle `bank`: `waves/q2.csv` (wave 2 of 2), 180 responses');
        expect(md).toContain('| moment | n | performance | CSAT (95% CI) | importance | quadrant | CSAT change |');
        expect(md).toContain('| `told-take-number` | 178 | 0.73 | 71.4% (64.3%–77.5%) | 0.41 (derived) | keep-up | **38.7% → 71.4% (+32.7 pts, p < 0.0001)** ✱ |');
        expect(md).toContain('✱ significant');
    });
    it('neutralises ids: a pipe cannot break the table, a mention notifies no one', () => {
        const md = analysisMarkdown({ ...ONE, figures: { ...FIGURES, questions: [{ ...FIGURES.questions[0], id: 'a|b`@team' }] } });
        const row = md.split('\n').find(l => l.includes('@'))!;
        expect(row).toContain("`a\\|b'@team`");
        // GitHub's table reading splits at a bare pipe even inside a code span: only the five cells' borders are bare.
        expect(row.match(/(?<!\\)\|/g)).toHaveLength(6);
    });
});
