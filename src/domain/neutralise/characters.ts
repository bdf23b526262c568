/**
 * The characters that let a label act on its reader instead of being read: shared by
 * every exit (terminal, Markdown, Mermaid, HTML, JSON, SVG), which each decide how to
 * show or defuse them.
 */

/**
 * C0 controls, DEL and C1 controls. A terminal obeys them: ESC (U+001B) and CSI
 * (U+009B, one character in UTF-8 terminals) start sequences that move the cursor,
 * erase lines or retitle the window; CR and BS overwrite what was printed.
 */
const CONTROLS = '\\u0000-\\u001f\\u007f-\\u009f';

/**
 * Bidirectional formatting characters (ALM, LRM, RLM, the embeddings, overrides and
 * isolates): invisible, they reorder the text around them, so what is shown differs
 * from what is written ("Trojan Source", CVE-2021-42574).
 */
const BIDI_CONTROLS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

/** Line and paragraph separators: invisible line breaks in some renderers. */
const SEPARATORS = '\\u2028\\u2029';

/** Every character an exit must never pass through as it is (global: for `replace`). */
export const INVISIBLE_CONTROL = new RegExp(`[${CONTROLS}${BIDI_CONTROLS}${SEPARATORS}]`, 'g');

/**
 * What `JSON.stringify` leaves raw of the above (it escapes C0 itself, and the line
 * breaks of indented JSON are its own). Global: for `replace`.
 */
export const INVISIBLE_IN_JSON = new RegExp(`[\\u007f-\\u009f${BIDI_CONTROLS}${SEPARATORS}]`, 'g');

/** `U+202E`: how Unicode names a character, readable where the character itself is not. */
function codePointName(char: string): string {
    return 'U+' + char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Shows each control, bidi or separator character by its name (`name` gets `U+202E`
 * and wraps it as the exit needs); a tab reads as a space. For exits read by people
 * (Markdown, HTML, Mermaid), where an invisible character must become visible.
 */
export function nameControls(text: string, name: (codePoint: string) => string): string {
    return text.replace(INVISIBLE_CONTROL, char => (char === '\t' ? ' ' : name(codePointName(char))));
}
