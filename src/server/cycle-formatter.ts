import type { AstNode, LangiumDocument, LangiumParser, MaybePromise } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, Range, TextEdit } from 'vscode-languageserver';
import type { Lexer } from 'langium';
import { formatCycle } from '../format/format-cycle.js';
import { hasSyntaxErrors, parseHasErrors } from '../language/syntax-errors.js';

/**
 * The editor's formatter: the same canonical form as `cycle fmt`. A document that
 * does not parse is left exactly as it is, since re-indenting a half-written block
 * could move lines into the wrong one.
 */
export class CycleFormatter implements Formatter {
    constructor(private readonly lexer: Lexer, private readonly parser: LangiumParser) { }

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): MaybePromise<TextEdit[]> {
        const formatted = this.canonical(document);
        if (formatted === undefined) return [];
        return [wholeDocumentEdit(document, formatted)];
    }

    /**
     * Only the lines of the top-level elements (cycles, roles) that the range touches
     * change ("Format Selection", format on save in "modifications" mode): the
     * canonical text is matched to the current one line by line. Indentation is
     * relative to the enclosing block, so a line is never re-indented without its
     * siblings; and a result that would not parse (a file whose top level is itself
     * indented) gives way to formatting the whole file.
     */
    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): MaybePromise<TextEdit[]> {
        const formatted = this.canonical(document);
        if (formatted === undefined) return [];
        const text = document.textDocument.getText();
        const end = document.textDocument.positionAt(text.length);
        const whole = params.range.start.line === 0 && params.range.start.character === 0
            && (params.range.end.line > end.line || (params.range.end.line === end.line && params.range.end.character >= end.character));
        // Line edits keep each line's own line end; over the whole text, mixed ones are made one.
        if (whole && mixedLineEnds(text, formatted)) return [wholeDocumentEdit(document, formatted)];
        const edits = rangeEdits(text, formatted, widenToElements(document.parseResult.value, params.range));
        if (edits && this.parses(document.textDocument.getText(), edits)) return edits;
        // The two texts could not be matched line by line, or the selection cannot be
        // formatted alone: the whole file, which is known to parse.
        return [wholeDocumentEdit(document, formatted)];
    }

    private parses(text: string, edits: TextEdit[]): boolean {
        const after = TextDocument.applyEdits(TextDocument.create('file:///check.cycle', 'cycle', 0, text), edits);
        return !parseHasErrors(this.parser.parse(after));
    }

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): MaybePromise<TextEdit[]> {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    /** The canonical text, or undefined when there is nothing to do (or nothing may be done). */
    private canonical(document: LangiumDocument): string | undefined {
        if (hasSyntaxErrors(document)) return undefined;
        const text = document.textDocument.getText();
        const formatted = formatCycle(text, this.lexer.tokenize(text));
        return formatted === text ? undefined : formatted;
    }
}

function wholeDocumentEdit(document: LangiumDocument, formatted: string): TextEdit {
    // One edit for the whole text; the editor reduces it to the lines that change.
    const end = document.textDocument.positionAt(document.textDocument.getText().length);
    return { range: { start: { line: 0, character: 0 }, end }, newText: formatted };
}

/** The range grown to whole lines of every top-level element it touches. */
function widenToElements(root: AstNode, range: Range): Range {
    const first = range.start.line;
    const last = range.end.line > first && range.end.character === 0 ? range.end.line - 1 : range.end.line;
    let from = first;
    let to = last;
    for (const element of (root as AstNode & { elements?: AstNode[] }).elements ?? []) {
        const span = element.$cstNode?.range;
        if (!span || span.end.line < first || span.start.line > last) continue;
        from = Math.min(from, span.start.line);
        to = Math.max(to, span.end.line);
    }
    return { start: { line: from, character: 0 }, end: { line: to + 1, character: 0 } };
}

const BOM = '\uFEFF';

/** True when `text` has a line end other than the one the canonical form uses. */
function mixedLineEnds(text: string, formatted: string): boolean {
    return formatted.includes('\r\n') ? /\r(?!\n)|(?<!\r)\n/.test(text) : text.includes('\r');
}
const isBlank = (line: string) => line.trim() === '';

/**
 * Edits that give the lines of `text` intersecting `range` their form in `formatted`.
 * The canonical form keeps every line with content (a fact or a comment) in order
 * and only re-spaces it; of the blank lines it drops those before the first and after
 * the last content line and keeps one of each group in between. Undefined when the
 * two texts do not match that way.
 */
function rangeEdits(text: string, formatted: string, range: Range): TextEdit[] | undefined {
    const bom = text.startsWith(BOM) ? 1 : 0;
    const lines = text.split(/\r\n|\r|\n/);
    lines[0] = lines[0].substring(bom);
    const eol = /\r\n|\r|\n/.exec(formatted)?.[0] ?? '\n';
    const target = (formatted.startsWith(BOM) ? formatted.substring(1) : formatted).split(eol);
    if (target.at(-1) === '') target.pop(); // the final line end
    const content = target.filter(line => line !== '');
    const contentLines: number[] = [];
    lines.forEach((line, index) => { if (!isBlank(line)) contentLines.push(index); });
    if (contentLines.length === 0 || contentLines.length !== content.length) return undefined;
    // The blank groups between content lines must be exactly the canonical blank lines.
    let at = 0;
    for (let k = 0; k < contentLines.length; k++) {
        if (k > 0 && contentLines[k] > contentLines[k - 1] + 1 && target[at++] !== '') return undefined;
        if (target[at++] === '') return undefined;
    }
    if (at !== target.length) return undefined;

    const first = range.start.line;
    // A range that ends at the start of a line does not reach into that line.
    const last = range.end.line > first && range.end.character === 0 ? range.end.line - 1 : range.end.line;
    const inRange = (line: number) => line >= first && line <= last;
    const startOf = (line: number) => line === 0 ? bom : 0;
    const edits: TextEdit[] = [];
    const replaceLine = (line: number, newText: string) => {
        const old = lines[line];
        if (old === newText) return;
        // Only the part that differs, so the cursor and the rest of the line stay put.
        let prefix = 0;
        while (prefix < old.length && prefix < newText.length && old[prefix] === newText[prefix]) prefix++;
        let suffix = 0;
        while (suffix < old.length - prefix && suffix < newText.length - prefix
            && old[old.length - 1 - suffix] === newText[newText.length - 1 - suffix]) suffix++;
        const offset = startOf(line);
        edits.push({
            range: { start: { line, character: offset + prefix }, end: { line, character: offset + old.length - suffix } },
            newText: newText.substring(prefix, newText.length - suffix)
        });
    };
    /** Removes lines `from`..`to` with their line ends (the last line of the text: with the line end before). */
    const deleteLines = (from: number, to: number) => {
        if (to + 1 < lines.length) {
            edits.push({ range: { start: { line: from, character: startOf(from) }, end: { line: to + 1, character: 0 } }, newText: '' });
        } else if (from > 0 && from <= to) {
            // Up to the end of the text: keep the line end that closes line `from - 1`.
            const end = { line: to, character: startOf(to) + lines[to].length };
            if (from === to && lines[to] === '') return;
            edits.push({ range: { start: { line: from, character: startOf(from) }, end }, newText: '' });
        }
    };
    /** A group of blank lines: `keep` of them wanted in the canonical form. */
    const blankGroup = (from: number, to: number, keep: number) => {
        const lo = Math.max(from, first);
        const hi = Math.min(to, last);
        if (lo > hi) return;
        const outside = (to - from + 1) - (hi - lo + 1);
        const kept = Math.max(0, keep - outside);
        for (let line = lo; line < lo + kept; line++) replaceLine(line, '');
        if (lo + kept <= hi) deleteLines(lo + kept, hi);
    };

    const firstContent = contentLines[0];
    const lastContent = contentLines[contentLines.length - 1];
    if (firstContent > 0) blankGroup(0, firstContent - 1, 0);
    for (let k = 0; k < contentLines.length; k++) {
        const line = contentLines[k];
        const next = contentLines[k + 1];
        if (inRange(line)) {
            // The last content line of a text without a final line end gets one.
            const missingEnd = line === lastContent && line === lines.length - 1;
            replaceLine(line, content[k] + (missingEnd ? eol : ''));
        }
        if (next !== undefined && next > line + 1) blankGroup(line + 1, next - 1, 1);
    }
    // The blank lines after the last content line (the text's final empty line among them) all go.
    if (lastContent + 1 < lines.length) blankGroup(lastContent + 1, lines.length - 1, 0);
    return edits;
}
