import { sampleCorrelation } from 'simple-statistics';

/**
 * Pearson's correlation coefficient of paired values:
 *
 *     r = Σ(xᵢ − x̄)(yᵢ − ȳ) / √( Σ(xᵢ − x̄)² · Σ(yᵢ − ȳ)² )
 *
 * computed by simple-statistics' `sampleCorrelation` (sample covariance over the
 * product of the sample standard deviations: the n − 1 cancel, so it is exactly r).
 * null when r is undefined: fewer than two pairs, or one side does not vary (every
 * respondent gave the same answer), where the formula divides by zero.
 */
export function pearson(xs: ArrayLike<number>, ys: ArrayLike<number>): number | null {
    if (xs.length < 2 || xs.length !== ys.length) return null;
    // simple-statistics only indexes and measures its arrays: a typed array does as well.
    const r = sampleCorrelation(xs as number[], ys as number[]);
    if (!Number.isFinite(r)) return null;
    // Rounding error can carry a perfect correlation a hair past ±1.
    return Math.max(-1, Math.min(1, r));
}
