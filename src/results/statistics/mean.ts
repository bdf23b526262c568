/** The arithmetic mean Σxᵢ / n of the numbers given, null when there are none. */
export function mean(values: readonly number[]): number | null {
    if (values.length === 0) return null;
    let sum = 0;
    for (const value of values) sum += value;
    return sum / values.length;
}
