import { describe, expect, it } from 'vitest';
import { compareWaves, type ResultsWave } from '../../src/results/index.js';
import { moment, plan, question, scale, yesNo } from './plans.js';

/** A wave built directly: each question's answers, respondents in order. */
function wave(answers: Record<string, (number | null)[]>): ResultsWave {
    const responses = Math.max(...Object.values(answers).map(a => a.length));
    return { responses, answers: new Map(Object.entries(answers)) };
}

/** `yes` answers of `top` and `other` (a 5-point scale: 5 and 2; yes-no: 1 and 0), then blanks. */
function answers(yes: number, no: number, top: number, other: number, blanks = 0): (number | null)[] {
    return [...Array<number>(yes).fill(top), ...Array<number>(no).fill(other), ...Array<null>(blanks).fill(null)];
}

const survey = plan([
    question('queue', scale(1, 5), { about: ['told'] }),
    question('polite', yesNo, { about: ['told'] }),
    question('cash', scale(1, 5), { about: ['cash'] }),
    question('seat', scale(1, 3), { about: ['wait'] }),
    question('new', scale(1, 5), { about: ['leave'] })
], { moments: [moment('told'), moment('wait'), moment('cash'), moment('leave')] });

describe('issue 15: the change between two waves', () => {
    it('per moment with a CSAT in both waves, the pooled two-proportion z-test', () => {
        const earlier = wave({
            // told: queue 30 of 100 in the top two + polite 15 of 50 yes → 45 of 150
            queue: answers(30, 70, 5, 2),
            polite: answers(15, 35, 1, 0, 50),
            // cash: 40 of 100
            cash: answers(40, 60, 4, 1),
            seat: answers(10, 90, 3, 1)
        });
        const later = wave({
            // told: queue 90 of 120 + polite 36 of 60 → 126 of 180
            queue: answers(90, 30, 5, 2),
            polite: answers(36, 24, 1, 0, 60),
            // cash: 50 of 100
            cash: answers(50, 50, 4, 1, 20),
            seat: answers(50, 70, 3, 1),
            new: answers(60, 60, 5, 1)
        });
        // told: p̂₁ = 45/150 = 0.3, p̂₂ = 126/180 = 0.7, p̂ = 171/330 = 0.518182
        //   SE = √(0.518182 · 0.481818 · (1/150 + 1/180)) = √(0.249669 · 0.0122222) = 0.0552405
        //   z = 0.4 / 0.0552405 = 7.2411 → p ≈ 4·10⁻¹³ → 0 at 4 decimals: significant
        // cash: 40/100 → 50/100: z = 1.421338, p = 0.155218 (statistics.test.ts): not significant
        // wait: a 3-point scale, no CSAT; leave: no answers in the earlier wave: neither is compared.
        const changes = compareWaves(survey, earlier, later);
        expect(changes).toEqual([
            { moment: 'told', from: 0.3, to: 0.7, p: 0, significant: true },
            { moment: 'cash', from: 0.4, to: 0.5, p: 0.1552, significant: false }
        ]);
    });

    it('significance is read on p < 0.05', () => {
        // cash: 40/100 → 54/100: p̂ = 0.47, SE = √(0.47 · 0.53 · 0.02) = 0.0705833, z = 0.14 / 0.0705833 = 1.983472
        // p = 2 · (1 − Φ(1.983471)) = 0.0473 < 0.05. And 40/100 → 53/100: p̂ = 0.465,
        // SE = √(0.465 · 0.535 · 0.02) = 0.0705372, z = 0.13 / 0.0705372 = 1.842999, p = 0.0653 ≥ 0.05.
        const earlier = wave({ cash: answers(40, 60, 5, 1) });
        expect(compareWaves(survey, earlier, wave({ cash: answers(54, 46, 5, 1) }))).toEqual([{ moment: 'cash', from: 0.4, to: 0.54, p: 0.0473, significant: true }]);
        const [barely] = compareWaves(survey, earlier, wave({ cash: answers(53, 47, 5, 1) }));
        expect(barely.significant).toBe(false);
        expect(barely.p).toBe(0.0653);
    });
});
