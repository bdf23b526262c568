/** Edit distance between two short words (Levenshtein), for did-you-mean fixes. */
export function editDistance(a: string, b: string): number {
    const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = previous[0];
        previous[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = previous[j];
            previous[j] = Math.min(
                previous[j] + 1,
                previous[j - 1] + 1,
                diagonal + (a[i - 1] === b[j - 1] ? 0 : 1)
            );
            diagonal = above;
        }
    }
    return previous[b.length];
}

/**
 * The candidates closest to `word`, best first, if they are close enough to be
 * what was meant: a typo, not a different word.
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
