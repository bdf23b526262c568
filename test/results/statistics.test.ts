import { describe, expect, it } from 'vitest';
import { netPromoterScore } from '../../src/results/statistics/nps.js';
import { twoSidedNormalP } from '../../src/results/statistics/normal.js';
import { pearson } from '../../src/results/statistics/pearson.js';
import { round4 } from '../../src/results/statistics/round.js';
import { twoProportionZTest } from '../../src/results/statistics/two-proportion-z.js';
import { wilsonInterval } from '../../src/results/statistics/wilson.js';

/** Issue 15: each statistic against values worked out by hand (the arithmetic in the comments). */
describe('issue 15: statistics', () => {
    it('Wilson interval of 8 out of 10', () => {
        // p̂ = 0.8, z² = 3.8416, z²/n = 0.38416, 1 + z²/n = 1.38416
        // centre = (0.8 + 0.19208) / 1.38416 = 0.99208 / 1.38416 = 0.716738
        // half   = 1.96 / 1.38416 · √(0.8·0.2/10 + 3.8416/400) = 1.416022 · √0.025604 = 1.416022 · 0.160012 = 0.226581
        // interval = 0.716738 ∓ 0.226581 = 0.490157 … 0.943319
        const interval = wilsonInterval(8, 10);
        expect(interval.value).toBe(0.8);
        expect(interval.low).toBeCloseTo(0.490157, 5);
        expect(interval.high).toBeCloseTo(0.943319, 5);
    });

    it('Wilson interval at the edges stays inside 0..1 and is not empty', () => {
        // 0 of 10: centre = (0 + 0.19208) / 1.38416 = 0.138770, half = 1.416022 · √(0 + 0.009604) = 1.416022 · 0.098 = 0.138770
        // so 0 … 0.277540; 10 of 10 mirrors it: 0.722460 … 1.
        expect(wilsonInterval(0, 10).low).toBe(0);
        expect(wilsonInterval(0, 10).high).toBeCloseTo(0.277540, 5);
        expect(wilsonInterval(10, 10).low).toBeCloseTo(0.722460, 5);
        expect(wilsonInterval(10, 10).high).toBe(1);
    });

    it('NPS and its interval', () => {
        // 10 answers 10, 9, 9, 8, 7, 6, 5, 3, 10, 9: promoters (9–10) 5, detractors (0–6) 3, passives 2.
        // NPS = 100 · (0.5 − 0.3) = 20; variance = 0.5 + 0.3 − 0.2² = 0.76;
        // half = 100 · 1.96 · √(0.76 / 10) = 196 · 0.275681 = 54.0335 → −34.0335 … 74.0335
        const nps = netPromoterScore(5, 3, 10);
        expect(nps.value).toBeCloseTo(20, 10);
        expect(nps.low).toBeCloseTo(-34.0335, 3);
        expect(nps.high).toBeCloseTo(74.0335, 3);
    });

    it('NPS interval clamped to −100..100', () => {
        // Answers 10 and 8: p₊ = 0.5, p₋ = 0; variance = 0.5 − 0.25 = 0.25; half = 196 · √(0.25/2) = 196 · 0.353553 = 69.2965
        // → 50 − 69.2965 = −19.2965 … 50 + 69.2965 = 119.2965, clamped to 100.
        const nps = netPromoterScore(1, 0, 2);
        expect(nps.value).toBe(50);
        expect(nps.low).toBeCloseTo(-19.2965, 3);
        expect(nps.high).toBe(100);
        // All promoters: variance 1 − 1 = 0, so 100 … 100.
        expect(netPromoterScore(7, 0, 7)).toEqual({ value: 100, low: 100, high: 100 });
    });

    it('pooled two-proportion z-test: 40 of 100, then 50 of 100', () => {
        // p̂ = 90/200 = 0.45; SE = √(0.45 · 0.55 · (1/100 + 1/100)) = √0.00495 = 0.0703562
        // z = (0.5 − 0.4) / 0.0703562 = 1.421338; p = 2 · (1 − Φ(1.421338)) = 2 · 0.077609 = 0.155218
        const test = twoProportionZTest(40, 100, 50, 100);
        expect(test.z).toBeCloseTo(1.421338, 5);
        expect(test.p).toBeCloseTo(0.155218, 5);
    });

    it('z-test: a drop gives a negative z, the same p; no variation gives p = 1', () => {
        expect(twoProportionZTest(50, 100, 40, 100).z).toBeCloseTo(-1.421338, 5);
        expect(twoProportionZTest(50, 100, 40, 100).p).toBeCloseTo(0.155218, 5);
        expect(twoProportionZTest(10, 10, 20, 20)).toEqual({ z: 0, p: 1 });
    });

    it('two-sided normal p at known quantiles', () => {
        // Φ(1.96) = 0.975 → p = 0.05; Φ(2.5758) = 0.995 → p = 0.01; p(0) = 1.
        expect(twoSidedNormalP(1.959964)).toBeCloseTo(0.05, 6);
        expect(twoSidedNormalP(-2.575829)).toBeCloseTo(0.01, 6);
        expect(twoSidedNormalP(0)).toBeCloseTo(1, 6);
    });

    it('Pearson correlation', () => {
        // x = 1, 2, 3, 4, 5; y = 2, 4, 5, 4, 5: x̄ = 3, ȳ = 4
        // Σ(x−x̄)(y−ȳ) = (−2)(−2) + (−1)(0) + 0·1 + 1·0 + 2·1 = 6
        // Σ(x−x̄)² = 10, Σ(y−ȳ)² = 4 + 0 + 1 + 0 + 1 = 6
        // r = 6 / √60 = 0.774597
        expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(0.774597, 6);
        expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 10);
        // No variation on one side: r is undefined.
        expect(pearson([1, 2, 3], [4, 4, 4])).toBeNull();
        expect(pearson([1], [1])).toBeNull();
    });

    it('rounds to 4 decimals, never to −0', () => {
        expect(round4(0.123456)).toBe(0.1235);
        expect(round4(-0.00004)).toBe(0);
        expect(Object.is(round4(-0.00004), -0)).toBe(false);
        expect(round4(-0.37368)).toBe(-0.3737);
    });
});
