import { twoSidedNormalP } from './normal.js';

export interface ZTest {
    readonly z: number;
    /** Two-sided p. */
    readonly p: number;
}

/**
 * The pooled two-proportion z-test: did a proportion change between two independent
 * samples (x₁ of n₁, then x₂ of n₂)? Under "no change" both share one proportion,
 * estimated from both samples together:
 *
 *     p̂₁ = x₁/n₁,  p̂₂ = x₂/n₂,  p̂ = (x₁ + x₂) / (n₁ + n₂)
 *     SE = √( p̂(1 − p̂) · (1/n₁ + 1/n₂) )
 *     z  = (p̂₂ − p̂₁) / SE,   p = 2·(1 − Φ(|z|))
 *
 * When p̂ is 0 or 1 (every answer the same in both waves) SE is 0 and nothing
 * changed: z = 0, p = 1. Both n must be at least 1.
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): ZTest {
    const pooled = (x1 + x2) / (n1 + n2);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    if (se === 0) return { z: 0, p: 1 };
    const z = (x2 / n2 - x1 / n1) / se;
    return { z, p: twoSidedNormalP(z) };
}
