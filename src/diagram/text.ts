import { isolateLine } from '../domain/neutralise/svg.js';

/**
 * Text without a DOM: escaping for SVG, and widths estimated from character classes
 * so that layout is pure and identical in the CLI, the preview and the tests.
 */

/** Escapes text for SVG element content and attribute values: a label is data, never markup. */
export function escapeXml(text: string): string {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
        // Characters XML 1.0 forbids outright (C0 controls but tab/newline, lone surrogates, U+FFFE/F).
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
        .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function isWide(code: number): boolean {
    return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)
        || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)
        || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000;
}

const NARROW = new Set([...'iljtf.,:;\'!|()[]{} ']);
/** Characters drawn with no width: bidi formatting, zero-width spaces and joiners, the BOM. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/**
 * Estimated width of `text` in pixels at `size` px, generous (fonts differ: DejaVu
 * Sans, used for PNGs, is wide) so that boxes never touch. Bold adds a tenth.
 */
export function textWidth(text: string, size: number, bold = false): number {
    let em = 0;
    for (const char of text) {
        const code = char.codePointAt(0)!;
        if (INVISIBLE.test(char)) continue;
        if (isWide(code)) em += 1.0;
        else if (NARROW.has(char)) em += 0.32;
        else if (/[mwMW@%]/.test(char)) em += 0.88;
        else if (char >= 'A' && char <= 'Z') em += 0.7;
        else em += 0.6;
    }
    return em * size * (bold ? 1.1 : 1);
}

/**
 * Wraps a label into lines of at most `maxWidth` px, breaking between words, or
 * between characters in scripts written without spaces; at most `maxLines` lines,
 * the last ending in "…" when the label is longer. Each line is its own bidi isolate
 * where it needs one (`isolateLine`): an override in a label ends with its line.
 */
export function wrapText(text: string, maxWidth: number, size: number, maxLines = 3, bold = false): string[] {
    return wrapLines(text, maxWidth, size, maxLines, bold).map(isolateLine);
}

function wrapLines(text: string, maxWidth: number, size: number, maxLines: number, bold: boolean): string[] {
    const width = (t: string) => textWidth(t, size, bold);
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean === '') return [];
    // Words, with each wide character a word of its own (CJK has no spaces).
    const words = clean.match(/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6][,.!?、。，！？）」』]?|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+/g) ?? [];
    const lines: string[] = [];
    let current = '';
    const joiner = (a: string, b: string) => (a === '' ? b : /[\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uffe6]$/.test(a) && /^[\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uffe6]/.test(b) ? a + b : a + ' ' + b);
    for (const word of words) {
        const candidate = joiner(current, word);
        if (width(candidate) <= maxWidth || current === '') {
            current = width(candidate) <= maxWidth ? candidate : breakLongWord(candidate, maxWidth, width, lines);
        } else {
            lines.push(current);
            current = width(word) <= maxWidth ? word : breakLongWord(word, maxWidth, width, lines);
        }
    }
    if (current) lines.push(current);
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1];
    while (last.length > 1 && width(last + '…') > maxWidth) last = [...last].slice(0, -1).join('');
    kept[maxLines - 1] = last.trimEnd() + '…';
    return kept;
}

/** Splits a word wider than the line, pushing full pieces to `lines`; returns the rest. */
function breakLongWord(word: string, maxWidth: number, width: (text: string) => number, lines: string[]): string {
    let piece = '';
    for (const char of word) {
        if (piece !== '' && width(piece + char) > maxWidth) {
            lines.push(piece);
            piece = '';
        }
        piece += char;
    }
    return piece;
}
