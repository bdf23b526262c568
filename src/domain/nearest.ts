/**
 * Edit distance between two short words, counting a swap of two neighbouring letters
 * as one edit (optimal string alignment), since `phnoe` is one slip from `phone`.
 *
 * With `atMost`, any distance above it is reported as `atMost + 1` as soon as it is
 * certain: a suggestion only cares whether a word is close, and a long word compared
 * with a short name is then answered at once instead of after filling its whole table.
 */
export function editDistance(a: string, b: string, atMost = Number.POSITIVE_INFINITY): number {
    const tooFar = atMost + 1;
    // Each edit changes the length by at most one.
    if (Math.abs(a.length - b.length) > atMost) return tooFar;
    const cols = b.length + 1;
    // Three rows of the table (two rows back, one back, this one): a swap looks two rows back.
    let older = new Array<number>(cols).fill(0);
    let previous = new Array<number>(cols);
    let current = new Array<number>(cols).fill(0);
    for (let j = 0; j < cols; j++) previous[j] = j;
    let previousMin = 0;
    for (let i = 1; i <= a.length; i++) {
        current[0] = i;
        let rowMin = i;
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                value = Math.min(value, older[j - 2] + 1);
            }
            current[j] = value;
            if (value < rowMin) rowMin = value;
        }
        // Every alignment passes through this row or the one before it (a swap skips
        // at most one row), so once both are past `atMost` the answer is too.
        if (rowMin > atMost && previousMin > atMost) return tooFar;
        previousMin = rowMin;
        [older, previous, current] = [previous, current, older];
    }
    return Math.min(previous[b.length], tooFar);
}

/**
 * How a word sounds, roughly, for English spelling slips: `ph` and `f`, `ck`, `k`,
 * `q` and a hard `c`, a soft `c` and `s`, `z` and `s`, and doubled letters are
 * written alike, so `fone` sounds like `phone` and `acesibility` like `accessibility`.
 */
function soundOf(word: string): string {
    return word.toLowerCase()
        .replace(/ph/g, 'f')
        .replace(/ck/g, 'k')
        .replace(/c(?=[eiy])/g, 's')
        .replace(/[cq]/g, 'k')
        .replace(/z/g, 's')
        .replace(/(.)\1+/g, '$1');
}

/** How many letters two words share at their end (`fone`, `phone`: 3). */
function sharedEnding(a: string, b: string): number {
    let n = 0;
    while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
    return n;
}

/** The sound of each candidate, worked out once per list rather than once per word asked about. */
const soundsOfLists = new WeakMap<readonly string[], readonly string[]>();

function soundsOf(candidates: readonly string[]): readonly string[] {
    let sounds = soundsOfLists.get(candidates);
    if (!sounds) {
        sounds = candidates.map(soundOf);
        soundsOfLists.set(candidates, sounds);
    }
    return sounds;
}

/**
 * Answers already given, per candidate list: a file repeats its misspellings (the
 * same wrong channel on every moment), and each answer is worth keeping. Emptied
 * when full, so a file of a million different words cannot grow it without end.
 */
const answersOfLists = new WeakMap<readonly string[], Map<string, readonly string[]>>();
const MAX_REMEMBERED = 10_000;

/**
 * The candidates closest to `word`, best first, if they are close enough to be
 * what was meant: a typo, a prefix or a word spelled as it sounds, not a different
 * word. Ties go to the candidate sharing more of the word's ending, then by name.
 */
export function nearestNames(word: string, candidates: readonly string[], max = 3): string[] {
    let answers = answersOfLists.get(candidates);
    if (!answers) {
        answers = new Map();
        answersOfLists.set(candidates, answers);
    }
    const key = `${max}\u0000${word}`;
    let answer = answers.get(key);
    if (!answer) {
        answer = computeNearest(word, candidates, max);
        if (answers.size >= MAX_REMEMBERED) answers.clear();
        answers.set(key, answer);
    }
    return answer.slice();
}

function computeNearest(word: string, candidates: readonly string[], max: number): string[] {
    const lower = word.toLowerCase();
    const limit = Math.max(1, Math.floor(lower.length / 3));
    const sounds = soundsOf(candidates);
    let sound: string | undefined;
    const close: { name: string; distance: number; ending: number }[] = [];
    candidates.forEach((name, index) => {
        let distance: number;
        if (lower.length >= 3 && name.startsWith(lower)) {
            distance = 0.5;
        } else if (Math.abs(lower.length - name.length) > limit) {
            // Too much longer or shorter to be a slip, however it sounds: `xxxx…`
            // sounds like `x`, yet is no misspelling of a short name.
            return;
        } else {
            const written = editDistance(lower, name, limit);
            sound ??= soundOf(lower);
            // Sounding alike counts, a little less than being written alike.
            const sounded = editDistance(sound, sounds[index], limit) + 0.5;
            distance = Math.min(written, sounded);
        }
        if (distance <= limit) close.push({ name, distance, ending: sharedEnding(lower, name) });
    });
    return close
        .sort((x, y) => x.distance - y.distance || y.ending - x.ending || x.name.localeCompare(y.name))
        .slice(0, max)
        .map(c => c.name);
}
