import type { LangiumDocument } from 'langium';

/** True when the scanner or the parser found anything wrong with the text. */
export function hasSyntaxErrors(document: LangiumDocument): boolean {
    const result = document.parseResult;
    return result.lexerErrors.length > 0
        || (result.lexerReport?.diagnostics ?? []).some(d => (d.severity ?? 'error') === 'error')
        || result.parserErrors.length > 0;
}
