import { DefaultTokenBuilder } from 'langium';
import type { TokenType } from 'chevrotain';

/**
 * Langium's token types for the grammar's keywords and terminals, without the
 * `LONGER_ALT` of each keyword: that tells Chevrotain's regex lexer which terminals
 * may match a longer word starting with the keyword, and finding them tries every
 * terminal's regular expression on every keyword (a third of building the tokens).
 * The cycle lexer scans words itself (a keyword is a whole word) and never reads it.
 */
export class CycleTokenBuilder extends DefaultTokenBuilder {
    protected override findLongerAlt(): TokenType[] {
        return [];
    }
}
