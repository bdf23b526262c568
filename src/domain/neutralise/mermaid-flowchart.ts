import { mermaidText } from './mermaid.js';

/**
 * Text inside a quoted Mermaid flowchart label (`id["…"]`, `subgraph id["…"]`). Over
 * what a journey needs (`mermaidText`: no `%` comments or directives, no `#` entities,
 * no statement ends, controls named), a flowchart label must not hold a `"` (it would
 * end the label and let the rest be read as statements), a backtick (it makes the
 * label a Markdown string), nor `<` and `>` (Mermaid draws labels as HTML: `<img …>`
 * would be an element, sanitised or not). They become look-alikes that mean nothing
 * to Mermaid, so the words still read the same. An `@name` gets a word joiner after
 * the `@`, as in Markdown: the picture's source is a pull-request comment, and a
 * mention must not notify anyone wherever it stands.
 */
export function mermaidLabel(text: string): string {
    return mermaidText(text)
        .replace(/"/g, '\u201d')
        .replace(/`/g, '\u2019')
        .replace(/</g, '\u2039')
        .replace(/>/g, '\u203a')
        .replace(/&/g, '+')
        .replace(/@(?=[\p{L}\p{N}_])/gu, '@\u2060');
}
