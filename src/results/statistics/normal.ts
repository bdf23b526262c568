import { errorFunction } from 'simple-statistics';

/**
 * Two-sided p-value of a standard normal statistic z: P(|Z| ≥ |z|) = 2·(1 − Φ(|z|)),
 * and since Φ(x) = (1 + erf(x/√2)) / 2, that is 1 − erf(|z|/√2).
 *
 * simple-statistics' `errorFunction` (Numerical Recipes' Chebyshev fit, error below
 * 1.2·10⁻⁷) is used rather than its `cumulativeStdNormalProbability`, which reads a
 * table at steps of 0.01 in z and would shift p in its third decimal.
 */
export function twoSidedNormalP(z: number): number {
    return Math.min(1, Math.max(0, 1 - errorFunction(Math.abs(z) / Math.SQRT2)));
}
