/**
 * Rounds a figure to 4 decimals, as the contract's JSON gives every figure: enough
 * for a percentage to one decimal (0.4233 = 42.3%), short enough to read. A negative
 * figure that rounds to zero is 0, not -0 (which JSON writes as 0 but tests see).
 */
export function round4(x: number): number {
    const rounded = Math.round(x * 10_000) / 10_000;
    return rounded === 0 ? 0 : rounded;
}
