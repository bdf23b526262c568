import type { AstNode, LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver-types';

/** Helpers for edits that add whole lines, indented like their neighbours. */

/**
 * A line ends as LSP says it does: CRLF, LF, or a lone CR (old Mac files). Counting a
 * lone CR as text put an inserted line one character past the end of its line.
 */
const LINE_BREAK = /\r\n|\r|\n/;

/** The text of one line, without its line ending. */
export function lineText(document: LangiumDocument, line: number): string {
    return document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/(\r\n|\r|\n)$/, '');
}

/** The file's own line ending (its first one), so an inserted line matches the others. */
export function lineEndingOf(document: LangiumDocument): string {
    return LINE_BREAK.exec(document.textDocument.getText())?.[0] ?? '\n';
}

function indentOfLine(document: LangiumDocument, line: number): string {
    return /^[ \t]*/.exec(lineText(document, line))![0];
}

function startLine(node: AstNode): number {
    return node.$cstNode?.range.start.line ?? 0;
}

function endLine(node: AstNode): number {
    return node.$cstNode?.range.end.line ?? 0;
}

/**
 * The indentation one level deeper than `node`'s line: the file's own step when the
 * node has indented children, otherwise two spaces (the canonical step).
 */
export function childIndent(document: LangiumDocument, node: AstNode, firstChild?: AstNode): string {
    const own = indentOfLine(document, startLine(node));
    if (firstChild?.$cstNode) {
        const child = indentOfLine(document, startLine(firstChild));
        if (child.length > own.length) return child;
    }
    return own + stepOf(document);
}

/** The file's indentation step: the smallest increase between two lines, or two spaces. */
export function stepOf(document: LangiumDocument): string {
    const lines = document.textDocument.getText().split(LINE_BREAK);
    let step = Infinity;
    let previous = -1;
    for (const line of lines) {
        if (!/\S/.test(line) || /^\s*#/.test(line)) continue;
        const indent = /^ */.exec(line)![0].length;
        if (previous >= 0 && indent > previous) step = Math.min(step, indent - previous);
        previous = indent;
    }
    return ' '.repeat(Number.isFinite(step) ? step : 2);
}

/** Inserts `lines` (already indented) after the last line of `node`. */
export function insertLinesAfter(document: LangiumDocument, node: AstNode, lines: string[]): TextEdit {
    const line = endLine(node);
    const end = lineText(document, line).length;
    const eol = lineEndingOf(document);
    return { range: { start: { line, character: end }, end: { line, character: end } }, newText: lines.map(l => eol + l).join('') };
}

/** Quotes a label, escaping what the language escapes. */
export function quote(label: string): string {
    return '"' + label.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}
