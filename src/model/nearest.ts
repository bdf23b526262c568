/**
 * Edit distance between two short words, counting a swap of two neighbouring letters
 * as one edit (optimal string alignment), since `phnoe` is one slip from `phone`.
 */
export function editDistance(a: string, b: string): number {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.length][b.length];
}

/**
 * The candidates closest to `word`, best first, if they are close enough to be
 * what was meant: a typo or a prefix, not a different word.
 */
export function nearestNames(word: string, candidates: readonly string[], max = 3): string[] {
    const lower = word.toLowerCase();
    const limit = Math.max(1, Math.floor(lower.length / 3));
    return candidates
        .map(name => ({ name, distance: name.startsWith(lower) && lower.length >= 3 ? 0.5 : editDistance(lower, name) }))
        .filter(c => c.distance <= limit)
        .sort((x, y) => x.distance - y.distance || x.name.localeCompare(y.name))
        .slice(0, max)
        .map(c => c.name);
}
