import type { LangiumDocument, MaybePromise } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import type { Lexer } from 'langium';
import { formatCycle } from '../../format/format-cycle.js';
import { hasSyntaxErrors } from '../syntax-errors.js';

/**
 * The editor's formatter: the same canonical form as `cycle fmt`. A document that
 * does not parse is left exactly as it is, since re-indenting a half-written block
 * could move lines into the wrong one.
 */
export class CycleFormatter implements Formatter {
    constructor(private readonly lexer: Lexer) { }

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): MaybePromise<TextEdit[]> {
        if (hasSyntaxErrors(document)) return [];
        const text = document.textDocument.getText();
        const formatted = formatCycle(text, this.lexer.tokenize(text));
        if (formatted === text) return [];
        // One edit for the whole text; the editor reduces it to the lines that change.
        const end = document.textDocument.positionAt(text.length);
        return [{ range: { start: { line: 0, character: 0 }, end }, newText: formatted }];
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): MaybePromise<TextEdit[]> {
        return this.formatDocument(document, { textDocument: params.textDocument, options: params.options });
    }

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): MaybePromise<TextEdit[]> {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }
}
