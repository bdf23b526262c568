import { Z_95, type Interval } from './wilson.js';

/**
 * Net Promoter Score of n answers on 0..10: promoters answer 9 or 10, detractors 0
 * to 6 (7 and 8 are passives).
 *
 *     p₊ = promoters / n,  p₋ = detractors / n
 *     NPS = 100 · (p₊ − p₋)
 *
 * Its 95% interval treats NPS as the mean of a score that is +1, 0 or −1 per answer,
 * whose variance is E[s²] − E[s]² = (p₊ + p₋) − (p₊ − p₋)²:
 *
 *     NPS ± 100 · z · √( (p₊ + p₋ − (p₊ − p₋)²) / n )
 *
 * The bounds are clamped to −100..100: for a small n the normal approximation can
 * reach past them, and no NPS can be outside its scale.
 */
export function netPromoterScore(promoters: number, detractors: number, n: number, z = Z_95): Interval {
    const pPlus = promoters / n;
    const pMinus = detractors / n;
    const difference = pPlus - pMinus;
    const halfWidth = 100 * z * Math.sqrt(Math.max(0, pPlus + pMinus - difference * difference) / n);
    const value = 100 * difference;
    return { value, low: Math.max(-100, value - halfWidth), high: Math.min(100, value + halfWidth) };
}
