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
 * How a word sounds, roughly, for English spelling slips: `ph` and `f`, `ck`, `k`,
 * `q` and a hard `c`, a soft `c` and `s`, `z` and `s`, and doubled letters are
 * written alike, so `fone` sounds like `phone` and `acesibility` like `accessibility`.
 */
export function soundOf(word: string): string {
    return word.toLowerCase()
        .replace(/ph/g, 'f')
        .replace(/ck/g, 'k')
        .replace(/c(?=[eiy])/g, 's')
        .replace(/[cq]/g, 'k')
        .replace(/z/g, 's')
        .replace(/(.)\1+/g, '$1');
}

/** How far `word` is from `name`: a typo, a prefix, or a word that sounds alike. */
function closeness(word: string, name: string): number {
    if (word.length >= 3 && name.startsWith(word)) return 0.5;
    const written = editDistance(word, name);
    // Sounding alike counts, a little less than being written alike.
    const sounded = editDistance(soundOf(word), soundOf(name)) + 0.5;
    return Math.min(written, sounded);
}

/** How many letters two words share at their end (`fone`, `phone`: 3). */
function sharedEnding(a: string, b: string): number {
    let n = 0;
    while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
    return n;
}

/**
 * The candidates closest to `word`, best first, if they are close enough to be
 * what was meant: a typo, a prefix or a word spelled as it sounds, not a different
 * word. Ties go to the candidate sharing more of the word's ending, then by name.
 */
export function nearestNames(word: string, candidates: readonly string[], max = 3): string[] {
    const lower = word.toLowerCase();
    const limit = Math.max(1, Math.floor(lower.length / 3));
    return candidates
        .map(name => ({ name, distance: closeness(lower, name), ending: sharedEnding(lower, name) }))
        .filter(c => c.distance <= limit)
        .sort((x, y) => x.distance - y.distance || y.ending - x.ending || x.name.localeCompare(y.name))
        .slice(0, max)
        .map(c => c.name);
}
