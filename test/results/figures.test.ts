import { describe, expect, it } from 'vitest';
import { computeFigures, readResults, type ResultsWave, type WaveFigures } from '../../src/results/index.js';
import { choice, csv, moment, number, plan, question, scale, yesNo } from './plans.js';

/**
 * Issue 15: the figures of one wave against values worked out by hand for ten
 * respondents (the arithmetic in the comments; the Wilson bounds as in
 * statistics.test.ts: centre ∓ half with z = 1.96).
 */
const survey = plan([
    question('sa', scale(1, 5), { about: ['a'], qualities: ['courtesy'] }),
    question('sa2', yesNo, { about: ['a'], qualities: ['courtesy'] }),
    question('sb', scale(1, 5), { about: ['b'], qualities: ['reliability'] }),
    question('ib', scale(1, 5), { measures: 'importance', about: ['b'] }),
    question('ea', scale(1, 5), { measures: 'expectation', about: ['a'], qualities: ['courtesy'] }),
    question('ov', scale(1, 5), { measures: 'overall' }),
    question('rec', scale(0, 10), { measures: 'recommend' }),
    question('mins', number, { about: ['b'] }),
    question('pick', choice('x', 'y', 'z'), { about: ['b'] }),
    question('three', scale(1, 3), { about: ['c'] }),
    question('never', scale(1, 5), { about: ['c'] })
], { moments: [moment('a', { critical: true, feels: 2 }), moment('b', { feels: 4 }), moment('c'), moment('d')] });

const answers = csv(
    'respondent,sa,sa2,sb,ib,ea,ov,rec,mins,pick,three',
    'r1,5,yes,4,5,5,5,10,12,x,3',
    'r2,4,yes,4,4,5,4,9,3,y,3',
    'r3,2,no,5,5,4,2,6,,z,1',
    'r4,1,no,3,4,5,1,3,4.5,1,2',
    'r5,3,yes,4,5,4,3,8,,,',
    'r6,5,yes,5,3,5,5,10,,,',
    'r7,2,no,2,4,4,3,5,,,',
    'r8,4,,4,5,5,4,9,,,',
    'r9,1,no,3,,5,2,0,,,',
    'r10,3,yes,5,5,4,4,7,,,'
);

function figures(): WaveFigures {
    const read = readResults(answers, survey);
    expect(read.problems).toEqual([]);
    return computeFigures(survey, read.wave!, 'waves/q1.csv');
}

describe('issue 15: figures per question', () => {
    it('names the wave and counts the respondents', () => {
        const f = figures();
        expect([f.cycle, f.survey, f.wave, f.responses]).toEqual(['bank', 'exit', 'waves/q1.csv', 10]);
        expect(f.questions.map(q => q.id)).toEqual(survey.questions.map(q => q.id));
    });

    it('a 5-point scale: n, mean and top-two-box CSAT with its Wilson interval', () => {
        // sa = 5, 4, 2, 1, 3, 5, 2, 4, 1, 3: n = 10, mean = 30 / 10 = 3
        // top two (4 or 5): 5, 4, 5, 4 → 4 of 10 = 0.4
        // Wilson: centre = (0.4 + 0.19208) / 1.38416 = 0.427754; half = 1.416022 · √(0.024 + 0.009604) = 0.259576
        // → 0.168178 … 0.687330
        expect(figures().questions[0]).toEqual({ id: 'sa', n: 10, mean: 3, csat: { value: 0.4, low: 0.1682, high: 0.6873 }, nps: null });
    });

    it('yes-no: the mean and CSAT are the share of yes, over the answers given', () => {
        // sa2: 9 answers (r8 blank), yes from r1, r2, r5, r6, r10 = 5 → 5/9 = 0.555556
        // z²/n = 0.426844; centre = (0.555556 + 0.213422) / 1.426844 = 0.538936
        // half = 1.96/1.426844 · √(0.555556·0.444444/9 + 3.8416/324) = 1.373660 · √(0.027435 + 0.011857) = 1.373660 · 0.198222 = 0.272289
        // → 0.266647 … 0.811225
        expect(figures().questions[1]).toEqual({ id: 'sa2', n: 9, mean: 0.5556, csat: { value: 0.5556, low: 0.2666, high: 0.8112 }, nps: null });
    });

    it('NPS on a recommend question, with CSAT (top two of 0..10) and mean', () => {
        // rec = 10, 9, 6, 3, 8, 10, 5, 9, 0, 7: promoters (9–10) 4, detractors (0–6) 4, passives 2
        // NPS = 100 · (0.4 − 0.4) = 0; variance = 0.8 − 0 = 0.8; half = 196 · √0.08 = 55.4372
        // mean = 67 / 10 = 6.7; CSAT = top two (9, 10): 4 of 10 → as sa: 0.1682 … 0.6873
        expect(figures().questions[6]).toEqual({
            id: 'rec', n: 10, mean: 6.7,
            csat: { value: 0.4, low: 0.1682, high: 0.6873 },
            nps: { value: 0, low: -55.4372, high: 55.4372 }
        });
    });

    it('a number has a mean but no CSAT; a choice has neither; a 3-point scale has no CSAT', () => {
        const f = figures();
        // mins = 12, 3, 4.5 → 19.5 / 3 = 6.5
        expect(f.questions[7]).toEqual({ id: 'mins', n: 3, mean: 6.5, csat: null, nps: null });
        expect(f.questions[8]).toEqual({ id: 'pick', n: 4, mean: null, csat: null, nps: null });
        // three = 3, 3, 1, 2 → 9 / 4 = 2.25
        expect(f.questions[9]).toEqual({ id: 'three', n: 4, mean: 2.25, csat: null, nps: null });
    });

    it('a question without a column: n = 0 and no figures', () => {
        expect(figures().questions[10]).toEqual({ id: 'never', n: 0, mean: null, csat: null, nps: null });
    });
});

describe('issue 15: figures per moment', () => {
    it('pools the answers of the satisfaction questions about a moment', () => {
        // Moment a: sa normalised (x − 1)/4 = 1, .75, .25, 0, .5, 1, .25, .75, 0, .5 (sum 5)
        // and sa2 = 1, 1, 0, 0, 1, 1, 0, 0, 1 (sum 5, 9 answers): n = 19, performance = 10/19 = 0.526316
        // CSAT pooled: 4 top-two sa + 5 yes = 9 of 19 = 0.473684 (not the mean of 0.4 and 0.5556)
        // Wilson: z²/n = 0.202189; centre = (0.473684 + 0.101095) / 1.202189 = 0.478110
        // half = 1.96/1.202189 · √(0.473684·0.526316/19 + 3.8416/1444) = 1.630359 · √(0.013122 + 0.002660) = 0.204815
        // → 0.273295 … 0.682925
        const a = figures().moments[0];
        expect(a).toMatchObject({ id: 'a', n: 19, performance: 0.5263, csat: { value: 0.4737, low: 0.2733, high: 0.6829 } });
    });

    it('a number or choice about a moment is not pooled into it', () => {
        // Moment b: only sb counts (mins and pick are no scores): sb = 4, 4, 5, 3, 4, 5, 2, 4, 3, 5
        // normalised .75, .75, 1, .5, .75, 1, .25, .75, .5, 1 → 7.25 / 10 = 0.725; top two: 7 of 10
        // Wilson 7/10: centre = (0.7 + 0.19208)/1.38416 = 0.644492, half = 1.416022 · √(0.021 + 0.009604) = 0.247719
        expect(figures().moments[1]).toMatchObject({ id: 'b', n: 10, performance: 0.725, csat: { value: 0.7, low: 0.3968, high: 0.8922 } });
    });

    it('a moment asked about on a 3-point scale only has a performance but no CSAT', () => {
        // three: normalised (x − 1)/2 = 1, 1, 0, .5 → 2.5 / 4 = 0.625
        expect(figures().moments[2]).toMatchObject({ id: 'c', n: 4, performance: 0.625, csat: null });
    });

    it('a moment no question is about: n = 0, no figures', () => {
        expect(figures().moments[3]).toEqual({ id: 'd', n: 0, performance: null, csat: null, importance: null, importanceFrom: null, quadrant: null });
    });

    it('stated importance: the mean normalised answer to importance questions about it', () => {
        // ib = 5, 4, 5, 4, 5, 3, 4, 5, –, 5 → normalised 1, .75, 1, .75, 1, .5, .75, 1, 1 = 7.75 / 9 = 0.861111
        expect(figures().moments[1]).toMatchObject({ importance: 0.8611, importanceFrom: 'stated' });
    });

    it('derived importance: Pearson r of the moment\'s satisfaction and overall, per respondent', () => {
        // Per respondent, the mean normalised answer about a (sa and sa2):
        //   x = 1, .875, .125, 0, .75, 1, .125, .75 (sa alone), 0, .75       x̄ = 5.375/10 = 0.5375
        // and the normalised overall (ov − 1)/4:
        //   y = 1, .75, .25, 0, .5, 1, .5, .75, .25, .75                      ȳ = 5.75/10 = 0.575
        // Σ(x−x̄)(y−ȳ) = 1.159375, Σ(x−x̄)² = 1.5953125, Σ(y−ȳ)² = 1.00625
        // r = 1.159375 / √(1.5953125 · 1.00625) = 1.159375 / 1.266984 = 0.915057
        expect(figures().moments[0]).toMatchObject({ importance: 0.9151, importanceFrom: 'derived' });
    });

    it('no derived importance below 10 respondents with both answers', () => {
        // Drop r10's overall answer: 9 pairs left.
        const read = readResults(answers, survey);
        const wave = read.wave!;
        const ov = [...wave.answers.get('ov')!];
        ov[9] = null;
        const fewer: ResultsWave = { responses: wave.responses, answers: new Map([...wave.answers, ['ov', ov]]) };
        const a = computeFigures(survey, fewer, 'q').moments[0];
        expect(a).toMatchObject({ importance: null, importanceFrom: null, quadrant: null });
    });

    it('quadrants, the cross-hairs at the means of the moments with both figures', () => {
        // Moments with both figures: a (importance 0.9151, performance 0.5263) and b (0.8611, 0.725);
        // c has no importance (no importance question, and no overall pairs: 4 < 10), d nothing.
        // Means: importance (0.9151 + 0.8611)/2 = 0.8881, performance (0.5263 + 0.725)/2 = 0.62565
        // a: 0.9151 ≥ 0.8881 and 0.5263 < 0.62565 → concentrate
        // b: 0.8611 < 0.8881 and 0.725 ≥ 0.62565 → overkill
        expect(figures().moments.map(m => m.quadrant)).toEqual(['concentrate', 'overkill', null, null]);
    });
});

describe('issue 15: quadrants of every kind', () => {
    // Four moments with stated importance and a performance each; one question per side.
    const four = plan(['p', 'q', 'r', 's'].flatMap(id => [
        question(`sat-${id}`, scale(1, 5), { about: [id] }),
        question(`imp-${id}`, scale(1, 5), { measures: 'importance', about: [id] })
    ]), { moments: ['p', 'q', 'r', 's'].map(id => moment(id)) });

    it('concentrate, keep-up, low-priority and overkill', () => {
        // One respondent. Importance: p 5 (1), q 5 (1), r 1 (0), s 1 (0) → mean 0.5
        // Performance: p 1 (0), q 5 (1), r 2 (0.25), s 4 (0.75) → mean 0.5
        // p: 1 ≥ .5, 0 < .5 → concentrate; q: ≥, ≥ → keep-up; r: <, < → low-priority; s: <, ≥ → overkill
        const read = readResults(csv('sat-p,imp-p,sat-q,imp-q,sat-r,imp-r,sat-s,imp-s', '1,5,5,5,2,1,4,1'), four);
        const f = computeFigures(four, read.wave!, 'q');
        expect(f.moments.map(m => [m.id, m.importance, m.performance, m.quadrant])).toEqual([
            ['p', 1, 0, 'concentrate'], ['q', 1, 1, 'keep-up'], ['r', 0, 0.25, 'low-priority'], ['s', 0, 0.75, 'overkill']
        ]);
    });

    it('a moment exactly at both means is keep-up', () => {
        // p (1, 0) and q (0, 1): means 0.5 and 0.5; r at (0.5, 0.5): imp 3 → 0.5, sat 3 → 0.5. With r the means stay 0.5.
        const read = readResults(csv('sat-p,imp-p,sat-q,imp-q,sat-r,imp-r', '1,5,5,1,3,3'), four);
        const f = computeFigures(four, read.wave!, 'q');
        expect(f.moments.slice(0, 3).map(m => m.quadrant)).toEqual(['concentrate', 'overkill', 'keep-up']);
    });
});

describe('issue 15: SERVQUAL gaps', () => {
    it('satisfaction minus expectation per quality, pooled over its questions', () => {
        // courtesy: satisfaction from sa and sa2 (pooled as for moment a): 10/19 = 0.526316 → 0.5263
        // expectation ea = 5, 5, 4, 5, 4, 5, 4, 5, 5, 4 → 1, 1, .75, 1, .75, 1, .75, 1, 1, .75 = 9 / 10 = 0.9
        // gap = 0.5263 − 0.9 = −0.3737 (expectations not met)
        // reliability: satisfaction (sb) but no expectation question: no gap.
        expect(figures().qualities).toEqual([{ quality: 'courtesy', satisfaction: 0.5263, expectation: 0.9, gap: -0.3737 }]);
    });
});
