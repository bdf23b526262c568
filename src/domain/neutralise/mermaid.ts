import { nameControls } from './characters.js';

/**
 * Text for a Mermaid `journey` (its title, section names and actors). Mermaid's lexer
 * splits a task on `:`, its actors on `,`, ends a statement at `;` and `#` (where
 * entities start), and reads `%` as the start of a comment (`%%`, and at the start of a
 * task any `%`), which would drop a moment, or a `%%{…}%%` directive. `%` is replaced
 * whole by the full-width percent sign, never collapsed (`%%%` must not come back as
 * `%%`), so the result holds no `%` at all and cleaning it again changes nothing.
 * Control and bidi formatting characters are shown by name, in brackets (`<…>` would be
 * taken for an HTML tag and removed by Mermaid's sanitiser).
 */
export function mermaidText(text: string): string {
    return nameControls(text.replace(/[\r\n\t]+/g, ' '), name => `[${name}]`)
        .replace(/[:;]/g, ' -')
        .replace(/,/g, ' ')
        .replace(/#/g, 'no. ')
        .replace(/%/g, '\uff05')
        .replace(/\s+/g, ' ')
        .trim() || '…';
}

/**
 * A task name starts a line, where Mermaid's lexer looks for its statements first:
 * a moment called "Title deed signed", "Section chief calls", "Journey planned" or
 * "accDescr {…" would become a title, a section, a second diagram or an accessibility
 * block. Such a name is led by a word joiner (U+2060, invisible), which no statement
 * starts with, so it stays a task and reads the same.
 */
export function mermaidTaskName(text: string): string {
    const clean = mermaidText(text);
    return STATEMENT_START.test(clean) ? '\u2060' + clean : clean;
}

/**
 * The words Mermaid's journey lexer reads at the start of a line (case-insensitive),
 * matched as prefixes: its `journey\b` also matches "journeyé" (an ASCII word
 * boundary), and a joiner too many costs nothing.
 */
const STATEMENT_START = /^(?:journey|title|section|acc(?:title|descr))/i;
