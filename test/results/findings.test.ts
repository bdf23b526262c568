import { describe, expect, it } from 'vitest';
import {
    DEFAULT_SURVEY_SETTINGS, resultsFindings, type MomentFigures, type QuestionFigures, type ResultsRuleCode, type WaveFigures
} from '../../src/results/index.js';
import { moment, plan, question, scale } from './plans.js';

/** Issue 15: each rule over a wave's figures, triggered and not triggered. */
const survey = plan([question('queue', scale(1, 5), { about: ['told'] }), question('cash', scale(1, 5), { about: ['receive'] })], {
    moments: [moment('told', { critical: true, feels: 2 }), moment('wait', { feels: 2 }), moment('receive', { critical: true })],
    areas: [{ id: 'cash-handling', covers: ['receive'] }, { id: 'reception', covers: ['told'] }, { id: 'queue', covers: ['wait'] }],
    priorities: ['cash-handling', 'queue', 'reception']
});

function momentOf(id: string, figures: Partial<MomentFigures> = {}): MomentFigures {
    return { id, n: 150, performance: null, csat: null, importance: null, importanceFrom: null, quadrant: null, ...figures };
}

function wave(moments: MomentFigures[], questions: QuestionFigures[] = [
    { id: 'queue', n: 150, mean: 3, csat: null, nps: null }, { id: 'cash', n: 150, mean: 4, csat: null, nps: null }
]): WaveFigures {
    return { cycle: 'bank', survey: 'exit', wave: 'waves/q1.csv', responses: 150, questions, moments, qualities: [] };
}

const codes = (figures: WaveFigures, settings = DEFAULT_SURVEY_SETTINGS): ResultsRuleCode[] =>
    resultsFindings(survey, figures, settings).map(f => f.code);

describe('issue 15: critical-moment-failing and moment-below-target', () => {
    it('a critical moment whose CSAT upper bound is below the target is failing', () => {
        const findings = resultsFindings(survey, wave([momentOf('told', { csat: { value: 0.42, low: 0.3467, high: 0.4966 } })]), DEFAULT_SURVEY_SETTINGS);
        expect(findings).toEqual([{
            code: 'critical-moment-failing',
            target: { kind: 'moment', moment: 'told' },
            message: 'CSAT of told is 42% (95% CI 34.7%–49.7%, n = 150, in waves/q1.csv), below the 80% target even at its upper bound: this critical moment is clearly failing.'
        }]);
    });

    it('a critical moment whose upper bound reaches the target is only below target (one finding, not two)', () => {
        const findings = resultsFindings(survey, wave([momentOf('told', { csat: { value: 0.75, low: 0.68, high: 0.81 } })]), DEFAULT_SURVEY_SETTINGS);
        expect(findings).toEqual([{
            code: 'moment-below-target',
            target: { kind: 'moment', moment: 'told' },
            message: 'CSAT of told is 75% (95% CI 68%–81%, n = 150, in waves/q1.csv), below the 80% target.'
        }]);
    });

    it('a moment that is not critical is never failing, only below target', () => {
        expect(codes(wave([momentOf('wait', { csat: { value: 0.2, low: 0.1, high: 0.3 } })]))).toEqual(['moment-below-target']);
    });

    it('nothing at or above the target, nor without a CSAT', () => {
        expect(codes(wave([momentOf('told', { csat: { value: 0.8, low: 0.7, high: 0.9 } }), momentOf('receive')]))).toEqual([]);
    });

    it('reads the target from the settings', () => {
        const figures = wave([momentOf('told', { csat: { value: 0.42, low: 0.35, high: 0.5 } })]);
        expect(codes(figures, { csatTarget: 0.4, minResponses: 30 })).toEqual([]);
        expect(codes(figures, { csatTarget: 0.45, minResponses: 30 })).toEqual(['moment-below-target']);
    });
});

describe('issue 15: few-responses', () => {
    it('a question with fewer answers than minResponses, and one with none', () => {
        const findings = resultsFindings(survey, wave([], [
            { id: 'queue', n: 29, mean: 3, csat: null, nps: null }, { id: 'cash', n: 0, mean: null, csat: null, nps: null }
        ]), DEFAULT_SURVEY_SETTINGS);
        expect(findings).toEqual([
            {
                code: 'few-responses', target: { kind: 'question', question: 'queue' },
                message: 'Question queue has 29 answers in waves/q1.csv, fewer than the 30 that minResponses asks for: its figures are too uncertain to act on.'
            },
            {
                code: 'few-responses', target: { kind: 'question', question: 'cash' },
                message: 'Question cash has no answers in waves/q1.csv, fewer than the 30 that minResponses asks for: its figures are too uncertain to act on.'
            }
        ]);
    });

    it('not at minResponses answers', () => {
        expect(codes(wave([], [{ id: 'queue', n: 30, mean: 3, csat: null, nps: null }]))).toEqual([]);
        expect(codes(wave([], [{ id: 'queue', n: 30, mean: 3, csat: null, nps: null }]), { csatTarget: 0.8, minResponses: 31 })).toEqual(['few-responses']);
    });
});

describe('issue 15: feels-contradicts-results', () => {
    it('feels 2 against a performance that maps to 4', () => {
        // 1 + 4 × 0.7 = 3.8 → 4; |2 − 4| = 2
        const findings = resultsFindings(survey, wave([momentOf('wait', { performance: 0.7 })]), DEFAULT_SURVEY_SETTINGS);
        expect(findings).toEqual([{
            code: 'feels-contradicts-results',
            target: { kind: 'feels', moment: 'wait' },
            message: 'wait is designed to feel 2 (on 1..5), but its measured performance of 0.7 (n = 150, in waves/q1.csv) maps to 4 (1 + 4 × 0.7, rounded): the design and the answers are 2 points apart.'
        }]);
    });

    it('not when they differ by 1, nor without feels or performance', () => {
        // 1 + 4 × 0.6 = 3.4 → 3; |2 − 3| = 1
        expect(codes(wave([momentOf('wait', { performance: 0.6 })]))).toEqual([]);
        // receive has no feels.
        expect(codes(wave([momentOf('receive', { performance: 1 })]))).toEqual([]);
        expect(codes(wave([momentOf('wait')]))).toEqual([]);
    });

    it('rounds half up: 0.625 maps to 1 + 2.5 = 3.5 → 4', () => {
        expect(codes(wave([momentOf('wait', { performance: 0.625 })]))).toEqual(['feels-contradicts-results']);
    });
});

describe('issue 15: priorities-disagree-with-results', () => {
    it('the first priority covers no concentrate moment while another area does', () => {
        const findings = resultsFindings(survey, wave([
            momentOf('told', { importance: 0.62, importanceFrom: 'derived', performance: 0.31, quadrant: 'concentrate' }),
            momentOf('receive', { importance: 0.7, importanceFrom: 'stated', performance: 0.9, quadrant: 'keep-up' })
        ]), DEFAULT_SURVEY_SETTINGS);
        expect(findings).toEqual([{
            code: 'priorities-disagree-with-results',
            target: { kind: 'priorities' },
            message: 'The first priority, cash-handling, covers no moment in the concentrate quadrant (importance at or above the mean, performance below it), ' +
                'while reception covers told (importance 0.62 derived, performance 0.31): the answers point to reception first.'
        }]);
    });

    it('not when the first priority covers a concentrate moment', () => {
        expect(codes(wave([
            momentOf('receive', { importance: 0.7, importanceFrom: 'stated', performance: 0.3, quadrant: 'concentrate' }),
            momentOf('told', { importance: 0.62, importanceFrom: 'derived', performance: 0.31, quadrant: 'concentrate' })
        ]))).toEqual([]);
    });

    it('not when no area covers a concentrate moment', () => {
        expect(codes(wave([momentOf('told', { importance: 0.2, importanceFrom: 'stated', performance: 0.3, quadrant: 'low-priority' })]))).toEqual([]);
    });
});
