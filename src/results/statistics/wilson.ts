/** A proportion with its 95% interval, unrounded. */
export interface Interval {
    readonly value: number;
    readonly low: number;
    readonly high: number;
}

/** z for a two-sided 95% interval: Φ⁻¹(0.975) ≈ 1.96, as the contract fixes it. */
export const Z_95 = 1.96;

/**
 * The Wilson score interval of a proportion p̂ = x / n (Wilson, 1927), which stays
 * inside 0..1 and keeps its coverage for small n and for p̂ near 0 or 1, where the
 * textbook p̂ ± z·√(p̂(1−p̂)/n) does not:
 *
 *     centre    = (p̂ + z²/(2n)) / (1 + z²/n)
 *     halfWidth = z / (1 + z²/n) · √( p̂(1−p̂)/n + z²/(4n²) )
 *     interval  = centre ± halfWidth
 *
 * n must be at least 1 (no answers: no proportion, the caller gives null).
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): Interval {
    const p = successes / n;
    const z2 = z * z;
    const denominator = 1 + z2 / n;
    const centre = (p + z2 / (2 * n)) / denominator;
    const halfWidth = (z / denominator) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    // Clamped against rounding error only: mathematically the bounds are within 0..1.
    return { value: p, low: Math.max(0, centre - halfWidth), high: Math.min(1, centre + halfWidth) };
}
