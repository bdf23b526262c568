import { EOF, MismatchedTokenException, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import { createParser, LangiumParser, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';

/**
 * Past this many syntax errors the parser stops recovering and keeps what it has.
 * Chevrotain recurses once per in-repetition recovery: about 1,300 of them in one
 * block overflow the stack and, over stdio, kill the language server. A few hundred
 * errors tell a designer everything they can act on.
 */
export const MAX_PARSER_ERRORS = 250;

/** The slice of Chevrotain's recognizer that the recovery below drives. */
interface Recognizer {
    errors: unknown[];
    recoveryEnabled: boolean;
    LA_FAST(howMuch: number): IToken;
    LA(howMuch: number): IToken;
    SKIP_TOKEN(): IToken;
    SAVE_ERROR(error: Error): void;
    exportLexerState(): number;
    importLexerState(state: number): void;
    findReSyncTokenType(): TokenType;
    flattenFollowSet(): TokenType[];
    reSyncTo(type: TokenType): IToken[];
    addToResyncTokens(token: IToken, tokens: IToken[]): IToken[];
    getCurrRuleFullName(): string;
    errorMessageProvider: { buildMismatchTokenMessage(options: object): string };
    attemptInRepetitionRecovery(...args: unknown[]): void;
    tryInRepetitionRecovery(rule: (...args: unknown[]) => void, args: unknown[], lookahead: () => boolean, expected: TokenType): void;
}

/**
 * Langium's parser with two changes to Chevrotain's error recovery, both needed
 * because blocks are made by indentation:
 * - it gives up recovering after {@link MAX_PARSER_ERRORS} errors (no stack overflow);
 * - when it skips a line it does not understand, it skips that line's indented block
 *   with it, so a half-typed line (`  m` above `    by teller`) does not close the
 *   whole cycle at the DEDENT that ends the block and drop every later moment.
 */
export class CycleParser extends LangiumParser {
    constructor(services: LangiumCoreServices) {
        super(services);
        const recognizer = this.wrapper as unknown as Recognizer;
        const indent = services.parser.Lexer.definition.INDENT;
        const dedent = services.parser.Lexer.definition.DEDENT;
        const attempt = recognizer.attemptInRepetitionRecovery;
        recognizer.attemptInRepetitionRecovery = function (this: Recognizer, ...args: unknown[]) {
            if (this.errors.length >= MAX_PARSER_ERRORS) {
                this.recoveryEnabled = false;
                return;
            }
            attempt.apply(this, args);
        };
        recognizer.tryInRepetitionRecovery = function (this: Recognizer, rule, args, lookahead, expected) {
            skipLinesToResync(this, rule, args, lookahead, expected, indent, dedent);
        };
        // Resynchronising after a failed rule looks for the next token that may follow
        // it, but only among the lines of the same block, never inside a nested one.
        recognizer.findReSyncTokenType = function (this: Recognizer) {
            const follows = this.flattenFollowSet();
            let depth = 0;
            for (let k = 1; ; k++) {
                const token = this.LA(k);
                if (tokenMatcher(token, EOF)) return EOF;
                if (depth === 0) {
                    const found = follows.find(type => tokenMatcher(token, type));
                    if (found) return found;
                }
                depth = nextDepth(token, depth, indent, dedent);
            }
        };
        recognizer.reSyncTo = function (this: Recognizer, type: TokenType) {
            const skipped: IToken[] = [];
            let depth = 0;
            let token = this.LA_FAST(1);
            while (!(depth === 0 && tokenMatcher(token, type)) && !tokenMatcher(token, EOF)) {
                depth = nextDepth(token, depth, indent, dedent);
                token = this.SKIP_TOKEN();
                this.addToResyncTokens(token, skipped);
            }
            return skipped.slice(0, -1);
        };
    }

    override parse<T extends import('langium').AstNode = import('langium').AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        (this.wrapper as unknown as Recognizer).recoveryEnabled = true;
        return super.parse<T>(input, options);
    }
}

function skipLinesToResync(
    parser: Recognizer, rule: (...args: unknown[]) => void, args: unknown[], lookahead: () => boolean,
    expected: TokenType, indent: TokenType, dedent: TokenType
): void {
    const resyncType = parser.findReSyncTokenType();
    const saved = parser.exportLexerState();
    const firstToken = parser.LA_FAST(1);
    const previousToken = parser.LA(0);
    const reportSkipped = (): void => {
        const message = parser.errorMessageProvider.buildMismatchTokenMessage({
            expected, actual: firstToken, previous: previousToken, ruleName: parser.getCurrRuleFullName()
        });
        parser.SAVE_ERROR(new MismatchedTokenException(message, firstToken, previousToken));
    };
    let depth = 0;
    let token = firstToken;
    while (!tokenMatcher(token, EOF)) {
        if (depth === 0) {
            if (tokenMatcher(token, expected)) {
                reportSkipped();
                return;
            }
            if (lookahead.call(parser)) {
                reportSkipped();
                rule.apply(parser, args);
                return;
            }
            if (tokenMatcher(token, resyncType)) {
                break;
            }
        }
        depth = nextDepth(token, depth, indent, dedent);
        token = parser.SKIP_TOKEN();
    }
    // Nothing to resync to inside this block: leave the error to the enclosing rule.
    parser.importLexerState(saved);
}

/** Block depth after `token`, for skipping a line together with its indented block. */
function nextDepth(token: IToken, depth: number, indent: TokenType, dedent: TokenType): number {
    if (tokenMatcher(token, indent)) return depth + 1;
    if (tokenMatcher(token, dedent) && depth > 0) return depth - 1;
    return depth;
}

export function createCycleParser(services: LangiumCoreServices): LangiumParser {
    const parser = new CycleParser(services);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
