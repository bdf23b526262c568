/**
 * Bidirectional text in SVG. A label may hold right-to-left letters (Arabic, Hebrew),
 * which must keep rendering as their writers expect, and bidi formatting characters,
 * which must not reach beyond the label: an override (U+202E) left open reverses
 * everything after it in the same text, and a stray pop (U+202C, U+2069) could close
 * an isolate the label sits in. Overrides are not removed, only kept inside the label,
 * so a diagram shows a label as the editor does.
 */

const LRE = '\u202a', RLE = '\u202b', PDF = '\u202c', LRO = '\u202d', RLO = '\u202e';
const LRI = '\u2066', RLI = '\u2067', FSI = '\u2068', PDI = '\u2069';
const EMBEDDINGS = new Set([LRE, RLE, LRO, RLO]);
const ISOLATES = new Set([LRI, RLI, FSI]);

/**
 * The text with its embeddings, overrides and isolates balanced, as the Unicode bidi
 * algorithm pairs them: a pop with nothing to close is dropped (the algorithm ignores
 * it too, unless an enclosing text gave it something to close), and whatever is still
 * open at the end is closed there. Text without such characters is returned as it is.
 */
export function balanceBidi(text: string): string {
    if (!/[\u202a-\u202e\u2066-\u2069]/.test(text)) return text;
    const open: ('embedding' | 'isolate')[] = [];
    let out = '';
    for (const char of text) {
        if (EMBEDDINGS.has(char)) open.push('embedding');
        else if (ISOLATES.has(char)) open.push('isolate');
        else if (char === PDF) {
            if (open[open.length - 1] !== 'embedding') continue;
            open.pop();
        } else if (char === PDI) {
            const isolate = open.lastIndexOf('isolate');
            if (isolate < 0) continue;
            open.length = isolate; // a PDI also closes the embeddings opened inside its isolate
        }
        out += char;
    }
    return out + open.reverse().map(kind => (kind === 'embedding' ? PDF : PDI)).join('');
}

/** Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const BIDI_FORMATTING = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * One line of a label as the diagram draws it: balanced, and in an isolate of its own
 * (FSI … PDI) when it holds right-to-left letters or bidi characters. The isolate keeps
 * the line from reordering what it is drawn beside ("3. " before it in the clock's
 * list) and gives it the direction of its first letter, so an Arabic or Hebrew label
 * keeps its punctuation and numbers where a right-to-left reader expects them. Lines
 * in left-to-right scripts only are returned as they are.
 */
export function isolateLine(text: string): string {
    const balanced = balanceBidi(text);
    return RIGHT_TO_LEFT.test(balanced) || BIDI_FORMATTING.test(balanced) ? FSI + balanced + PDI : balanced;
}
