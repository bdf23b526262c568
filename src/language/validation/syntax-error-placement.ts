import type { IRecognitionException, IToken } from 'chevrotain';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ONE_FACT_PER_LINE } from '../parser/cycle-lexer.js';
import { INDENTED_TOO_DEEP } from '../parser/cycle-parser-messages.js';

/**
 * A parse error found at the start of a line but about the line above ("expected a
 * label after `moment m`", whether the next line is indented, dedented or level
 * with it) belongs at the end of the line above. `diagnostics[i]` is the diagnostic
 * of `parserErrors[i]`.
 */
export function moveParserErrorsToLineAbove(parserErrors: readonly IRecognitionException[], diagnostics: readonly Diagnostic[]): void {
    parserErrors.forEach((error, i) => {
        const diagnostic = diagnostics[i];
        const previous = (error as { previousToken?: IToken }).previousToken;
        const name = error.token.tokenType?.name;
        if (!diagnostic || !previous || String(diagnostic.message).startsWith(INDENTED_TOO_DEEP)) return;
        if (previous.endLine === undefined || previous.endColumn === undefined || Number.isNaN(previous.endLine)) return;
        const atBlockEdge = name === 'INDENT' || name === 'DEDENT';
        const lineEndedEarly = name !== 'EOF' && error.token.startLine! > previous.endLine && String(diagnostic.message).startsWith('Expected ');
        if (!atBlockEdge && !lineEndedEarly) return;
        const position = { line: previous.endLine - 1, character: previous.endColumn };
        diagnostic.range = { start: position, end: position };
    });
}

/**
 * `moment a "A" by r` gets a one-fact-per-line error from the scanner and a parser
 * error at the same `by`; the first says what to do, the second only that it is odd.
 */
export function dropParserErrorsAtOneFactErrors(diagnostics: Diagnostic[]): void {
    const at = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}`;
    const oneFact = new Set(diagnostics.filter(d => String(d.message).startsWith(ONE_FACT_PER_LINE)).map(at));
    if (oneFact.size === 0) return;
    for (let i = diagnostics.length - 1; i >= 0; i--) {
        const d = diagnostics[i];
        if (d.code === 'syntax-error' && !String(d.message).startsWith(ONE_FACT_PER_LINE) && oneFact.has(at(d))) {
            diagnostics.splice(i, 1);
        }
    }
}
