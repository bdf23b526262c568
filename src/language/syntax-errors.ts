import type { LangiumDocument, ParseResult } from 'langium';

/** True when the scanner or the parser found anything wrong with the text. */
export function hasSyntaxErrors(document: LangiumDocument): boolean {
    return parseHasErrors(document.parseResult);
}

export function parseHasErrors(result: ParseResult): boolean {
    return result.lexerErrors.length > 0
        || (result.lexerReport?.diagnostics ?? []).some(d => (d.severity ?? 'error') === 'error')
        || result.parserErrors.length > 0;
}
