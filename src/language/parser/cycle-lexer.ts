import { createToken, createTokenInstance, type ILexingError, type IToken, type TokenType } from 'chevrotain';
import type { LangiumCoreServices, Lexer, LexerResult, LexingDiagnostic, TokenizeOptions } from 'langium';

/**
 * A hand-written, single-pass scanner for the cycle language.
 *
 * Why not Langium's regex lexer with its IndentationAwareTokenBuilder: the stock
 * builder computes line numbers with `substring` per token (quadratic), lets comment
 * and blank lines break blocks, cannot tell keywords from Unicode identifiers that
 * start with them (`wait-minutes`), and names INDENT/DEDENT and offsets in its
 * messages. The language is line-based and small, so scanning it directly is both
 * simpler and linear: one pass, one indentation decision per line that holds a token.
 *
 * It produces the token types Langium built from the grammar, so the parser is the
 * generated one. INDENT covers the indentation of a block's first line; DEDENT is
 * zero-width, right after the last token of the block, so a block's range ends on
 * its last line and never spills into the next one.
 *
 * It is not Langium's DefaultLexer: that one builds a Chevrotain regex lexer from the
 * token types (it analyses every pattern, in every process) that this scanner would
 * never run.
 */
export class CycleLexer implements Lexer {
    readonly definition: { [name: string]: TokenType };
    private readonly keywords: Map<string, TokenType>;

    constructor(services: LangiumCoreServices) {
        const built = services.parser.TokenBuilder.buildTokens(services.Grammar, { caseInsensitive: services.LanguageMetaData.caseInsensitive });
        this.definition = chevrotainTokenTypes(built as TokenType[]);
        this.keywords = new Map();
        for (const [name, type] of Object.entries(this.definition)) {
            if (/^[\p{L}_.-]/u.test(name) && !TERMINALS.has(name)) {
                this.keywords.set(name, type);
            }
        }
    }

    tokenize(text: string, options: TokenizeOptions = { mode: 'full' }): LexerResult {
        return new Scan(text, this.definition, this.keywords, options.mode !== 'partial').run();
    }
}

/**
 * The token types by name, made complete by Chevrotain's `createToken` (the index
 * that `tokenMatcher` compares), as its regex lexer would have made them: tokens
 * scanned before any parser exists must match the parser's types.
 */
function chevrotainTokenTypes(built: readonly TokenType[]): { [name: string]: TokenType } {
    const types: { [name: string]: TokenType } = {};
    for (const type of built) {
        types[type.name] = createToken({ name: type.name, pattern: type.PATTERN, group: type.GROUP, line_breaks: type.LINE_BREAKS });
    }
    return types;
}

const TERMINALS = new Set(['INDENT', 'DEDENT', 'DATE', 'INT', 'ID', 'STRING', 'WS', 'SL_COMMENT']);

/**
 * Keywords followed by an id (a declaration, a reference or an open value). The word
 * right after one of them, on the same line, is an ID even when it spells a keyword:
 * `role support`, `by goal`, `- text` are all fine.
 */
const KEYWORDS_BEFORE_ID: ReadonlySet<string> = new Set([
    'cycle', 'role', 'moment', 'requirement', 'action', 'area', 'survey', 'question',
    'by', 'owner', 'for', 'meets', 'covers', 'about', '-', 'channel', 'quality'
]);
/**
 * Keywords that start a fact. One of them after the start of a line begins a second
 * fact on that line (`goal "g" stage growth`), which the language forbids: one fact
 * per line keeps pull-request diffs to one changed fact per line. (`goal` after
 * `achieves` is part of `achieves goal`.)
 */
const FACT_KEYWORDS: ReadonlySet<string> = new Set([
    'language', 'cycle', 'customer', 'goal', 'stage', 'peak', 'role', 'phase', 'moment', 'by', 'channel', 'feels', 'quality',
    'wait', 'evidence', 'frontstage', 'backstage', 'support', 'achieves', 'critical', 'severity', 'risk', 'prevent', 'recover',
    'owner', 'requirement', 'for', 'from', 'action', 'meets', 'due', 'area', 'because', 'covers', 'priorities',
    'survey', 'question', 'about', 'answer', 'measures', 'results', '-'
]);

export const ONE_FACT_PER_LINE = 'One fact per line';

/**
 * Keywords followed by a value from a fixed list: a fact keyword right after one
 * (`severity critical`) is a wrong value, which the parser names with the list, not
 * a second fact.
 */
const KEYWORDS_BEFORE_VALUE = new Set(['language', 'severity', 'stage', 'because', 'wait', 'answer', 'measures']);

const WORD = /[\p{L}_][\p{L}\p{M}\p{Nd}_-]*/uy;
/** `scale 1-5`, `1 - 5`, `1–5`, `1...5`, `1…5`, `1 to 5`: a range written the way prose writes ranges. */
const PROSE_RANGE = /([+-]?[0-9]+)(\s*(?:-|\u2013|\u2014|\.\.\.|\u2026)\s*|\s+to\s+)([+-]?[0-9]+)(?![0-9])/y;

/**
 * Quotes other than the straight double quote, each with the quotes that may close
 * it: typewriter single quotes, curly quotes as word processors and phones type
 * them, guillemets, CJK corner brackets and the full-width quote.
 */
const OTHER_QUOTES: ReadonlyMap<string, string> = new Map([
    ["'", "'"], ['\u2018', '\u2019\u2018'], ['\u2019', '\u2019'], ['\u201A', '\u2018\u2019'], ['\u201B', '\u2019'],
    ['\u201C', '\u201D\u201C'], ['\u201D', '\u201D'], ['\u201E', '\u201C\u201D'], ['\u201F', '\u201D'],
    ['\u00AB', '\u00BB'], ['\u00BB', '\u00AB\u00BB'], ['\u2039', '\u203A'], ['\u203A', '\u2039\u203A'],
    ['\u300C', '\u300D'], ['\u300E', '\u300F'], ['\uFF02', '\uFF02']
].map(([open, close]) => [open, close + '"']));
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DATE = /[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])/y;
const INT = /[+-]?[0-9]+/y;

/** One run of the scanner over one text; holds the mutable state of that run. */
class Scan {
    private readonly tokens: IToken[] = [];
    private readonly hidden: IToken[] = [];
    private readonly errors: ILexingError[] = [];
    private readonly diagnostics: LexingDiagnostic[] = [];
    private readonly levels: number[] = [];
    private offset = 0;
    private line = 1;
    private lineStart = 0;
    private last: IToken | undefined;
    /** The next word on this line is an id, whatever it spells. */
    private idExpected = false;

    constructor(
        private readonly text: string,
        private readonly types: { [name: string]: TokenType },
        private readonly keywords: Map<string, TokenType>,
        private readonly closeBlocksAtEnd: boolean
    ) { }

    run(): LexerResult {
        const text = this.text;
        if (text.charCodeAt(0) === 0xfeff) {
            this.offset = 1; // a byte-order mark is allowed and means nothing
            this.lineStart = 1;
        }
        while (this.offset < text.length) {
            this.scanLine();
        }
        if (this.closeBlocksAtEnd) {
            while (this.levels.length > 1) {
                this.levels.pop();
                this.pushDedent();
            }
        } else if (/^[ \t]*$/.test(text.substring(this.lineStart)) && this.levels.length > 0) {
            // Completion scans the text up to the cursor: a cursor on an indented empty
            // line is in the block that indentation opens or closes.
            this.offset = text.length;
            this.indentTo(text.length - this.lineStart, true);
        }
        return {
            tokens: this.tokens,
            hidden: this.hidden,
            errors: this.errors,
            report: { diagnostics: this.diagnostics }
        };
    }

    /** Scans from the start of a line to the start of the next one. */
    private scanLine(): void {
        const text = this.text;
        let pos = this.offset;
        let firstTab = -1;
        while (pos < text.length) {
            const c = text.charCodeAt(pos);
            if (c === 0x20) {
                pos++;
            } else if (c === 0x09) {
                if (firstTab < 0) firstTab = pos;
                pos++;
            } else {
                break;
            }
        }
        const indent = pos - this.lineStart;
        this.offset = pos;
        const c = text.charCodeAt(pos);
        const isContent = pos < text.length && c !== 0x0a && c !== 0x0d && c !== 0x23 /* # */;
        if (isContent) {
            if (firstTab >= 0) {
                this.report(firstTab, pos - firstTab,
                    'Indent with spaces, not tabs: a tab here counts as one column, which is rarely what you meant.');
            }
            this.indentTo(indent, firstTab >= 0);
        }
        this.scanRestOfLine();
    }

    /** Emits INDENT or DEDENT tokens so the parser sees the line's nesting. */
    private indentTo(indent: number, hasTab: boolean): void {
        const levels = this.levels;
        if (levels.length === 0) {
            // The first line that holds something sets the base level of the file.
            levels.push(indent);
            return;
        }
        const top = levels[levels.length - 1];
        if (indent > top) {
            levels.push(indent);
            // INDENT spans the indentation, so "indented too deep" points at it.
            this.tokens.push(this.token(this.types.INDENT, this.lineStart, this.offset));
            return;
        }
        if (indent === top) {
            return;
        }
        let dedents = 0;
        let lastPopped = top;
        while (levels.length > 1 && levels[levels.length - 1] > indent) {
            lastPopped = levels.pop()!;
            dedents++;
        }
        const reached = levels[levels.length - 1];
        if (reached !== indent) {
            // Between two levels: the line stays in the block it was about to leave,
            // and the levels stay as they were, so the lines after it are not affected.
            const deeper = reached < indent && dedents > 0;
            if (deeper) {
                dedents--;
                levels.push(lastPopped);
            }
            if (!hasTab) {
                const expected = deeper ? levels[levels.length - 1] : reached;
                this.report(this.lineStart, indent,
                    `This line's indentation (${indent} ${indent === 1 ? 'column' : 'columns'}) matches no enclosing block: ` +
                    `line it up with the lines it belongs with (${expected} ${expected === 1 ? 'column' : 'columns'}).`);
            }
        }
        for (let i = 0; i < dedents; i++) {
            this.pushDedent();
        }
    }

    private scanRestOfLine(): void {
        const text = this.text;
        while (this.offset < text.length) {
            const pos = this.offset;
            const c = text.charCodeAt(pos);
            if (c === 0x0a || c === 0x0d) {
                this.offset = pos + (c === 0x0d && text.charCodeAt(pos + 1) === 0x0a ? 2 : 1);
                this.line++;
                this.lineStart = this.offset;
                this.idExpected = false;
                return;
            }
            if (c === 0x20 || c === 0x09 || c === 0xfeff) {
                this.offset++;
            } else if (c === 0x23 /* # */) {
                let end = pos;
                while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
                this.hidden.push(this.token(this.types.SL_COMMENT, pos, end));
                this.offset = end;
            } else if (c === 0x22 /* " */) {
                this.scanString(pos);
            } else if (isDigit(c) || ((c === 0x2b || c === 0x2d) && isDigit(text.charCodeAt(pos + 1)))) {
                this.scanNumber(pos);
            } else if (c === 0x2d /* - */) {
                this.pushToken(this.types['-'], pos, pos + 1);
            } else if (c === 0x2e && text.charCodeAt(pos + 1) === 0x2e) {
                this.pushToken(this.types['..'], pos, pos + 2);
            } else {
                const end = this.wordEnd(pos);
                if (end > pos) {
                    const word = text.substring(pos, end);
                    const keyword = this.idExpected ? undefined : this.keywords.get(word);
                    this.pushToken(keyword ?? this.types.ID, pos, end, word);
                } else if (!(OTHER_QUOTES.has(text[pos]) && this.scanOtherQuotes(pos))) {
                    this.scanUnexpected(pos);
                }
            }
        }
    }

    /** End of the identifier or keyword starting at `start` (== start if none). */
    private wordEnd(start: number): number {
        const text = this.text;
        let pos = start;
        // Fast path for ASCII; the Unicode regex only when a non-ASCII character appears.
        const first = text.charCodeAt(pos);
        if (!(isAsciiLetter(first) || first === 0x5f)) {
            if (first < 0x80) return start;
            WORD.lastIndex = start;
            return WORD.exec(text) ? WORD.lastIndex : start;
        }
        pos++;
        while (pos < text.length) {
            const c = text.charCodeAt(pos);
            if (isAsciiLetter(c) || isDigit(c) || c === 0x5f || c === 0x2d) {
                pos++;
            } else if (c >= 0x80) {
                WORD.lastIndex = start;
                return WORD.exec(text) ? WORD.lastIndex : pos;
            } else {
                break;
            }
        }
        return pos;
    }

    private scanString(start: number): void {
        const text = this.text;
        let pos = start + 1;
        while (pos < text.length) {
            const c = text.charCodeAt(pos);
            if (c === 0x22) {
                this.pushToken(this.types.STRING, start, pos + 1);
                return;
            }
            if (c === 0x0a || c === 0x0d) break;
            // Only \" and \\ are escapes, but any backslash keeps the next character in the label.
            pos += c === 0x5c && pos + 1 < text.length && text.charCodeAt(pos + 1) !== 0x0a && text.charCodeAt(pos + 1) !== 0x0d ? 2 : 1;
        }
        // An unterminated label still counts as a label, so the rest of the line and
        // everything after it keep their meaning while the designer finishes typing.
        const last = text.substring(start + 1, pos).trimEnd().slice(-1);
        this.report(start, pos - start, last && OTHER_QUOTES.has(last)
            ? `This label ends with ${last}, not a straight double quote: end it with " instead.`
            : 'This label has no closing quote: end it with " on the same line.');
        this.pushToken(this.types.STRING, start, pos);
    }

    /**
     * `'label'`, `“label”`, `«label»`: one error that says which quotes to use, and
     * the label is read as one, so the rest of the line and the file keep their
     * meaning. The closing quote is the first one not followed by a letter or digit,
     * so the apostrophe of `'Wasn't it?'` does not end the label. False when the
     * quote is not closed on its line (then it is an unexpected character).
     */
    private scanOtherQuotes(start: number): boolean {
        const text = this.text;
        const closers = OTHER_QUOTES.get(text[start])!;
        for (let pos = start + 1; pos < text.length; pos++) {
            const c = text[pos];
            if (c === '\n' || c === '\r') return false;
            if (closers.includes(c) && !LETTER_OR_DIGIT.test(text[pos + 1] ?? '')) {
                const body = text.substring(start + 1, pos);
                this.report(start, pos + 1 - start,
                    `Labels take straight double quotes: write "${body.length > 40 ? body.substring(0, 39) + '…' : body}" instead of ${text[start]}…${c}.`);
                this.pushToken(this.types.STRING, start, pos + 1);
                return true;
            }
        }
        return false;
    }

    /**
     * `scale 1-5` (or `1 - 5`, `1–5`, `1...5`, `1 to 5`): one error that shows the range
     * as the language writes it, read as that range, so the scale does not also look
     * inverted (1..-5) and the dash does not look like a second fact.
     */
    private scanProseRange(start: number): boolean {
        if (this.last?.tokenType.name !== 'scale' || this.last.startLine !== this.line) return false;
        PROSE_RANGE.lastIndex = start;
        const range = PROSE_RANGE.exec(this.text);
        if (!range) return false;
        const [whole, low, separator, high] = range;
        this.report(start, whole.length, `Write the range of a scale with two dots: \`scale ${low}..${high}\`.`);
        const separatorStart = start + low.length;
        const highStart = separatorStart + separator.length;
        const dashStart = separatorStart + (separator.length - separator.trimStart().length);
        this.pushToken(this.types.INT, start, separatorStart);
        this.pushToken(this.types['..'], dashStart, dashStart + separator.trim().length);
        this.pushToken(this.types.INT, highStart, start + whole.length);
        return true;
    }

    private scanNumber(start: number): void {
        if (this.scanProseRange(start)) return;
        DATE.lastIndex = start;
        const date = DATE.exec(this.text);
        if (date) {
            this.pushToken(this.types.DATE, start, start + date[0].length);
            return;
        }
        INT.lastIndex = start;
        const int = INT.exec(this.text)!;
        this.pushToken(this.types.INT, start, start + int[0].length);
    }

    private scanUnexpected(start: number): void {
        const text = this.text;
        let end = start + 1;
        // One message for a run of unexpected characters, not one per character.
        while (end < text.length) {
            const c = text.charCodeAt(end);
            if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x22 || c === 0x23) break;
            WORD.lastIndex = end;
            if (WORD.test(text) || isDigit(c)) break;
            end++;
        }
        const found = text.substring(start, end);
        const hint = [...found].some(ch => OTHER_QUOTES.has(ch))
            ? 'labels go in straight double quotes, "like this".'
            : 'a line holds a keyword, then ids, "labels" or numbers.';
        this.errors.push({
            offset: start,
            length: end - start,
            line: this.line,
            column: start - this.lineStart + 1,
            message: `Unexpected \`${found}\`: ${hint}`
        });
        this.offset = end;
    }

    private token(type: TokenType, start: number, end: number, image = this.text.substring(start, end)): IToken {
        const column = start - this.lineStart + 1;
        return createTokenInstance(type, image, start, end - 1, this.line, this.line, column, column + (end - start) - 1);
    }

    private pushToken(type: TokenType, start: number, end: number, image?: string): void {
        const previous = this.last;
        if (previous && previous.startLine === this.line && FACT_KEYWORDS.has(type.name)
            && !(type.name === 'goal' && previous.tokenType.name === 'achieves')
            && !KEYWORDS_BEFORE_VALUE.has(previous.tokenType.name)) {
            this.report(start, end - start, `${ONE_FACT_PER_LINE}: \`${type.name}\` starts a second fact on this line; move it to a line of its own.`);
        }
        const token = this.token(type, start, end, image);
        this.tokens.push(token);
        this.last = token;
        this.offset = end;
        this.idExpected = KEYWORDS_BEFORE_ID.has(type.name) && type !== this.types.ID;
    }

    private pushZeroWidth(type: TokenType, offset: number, line: number, column: number): void {
        this.tokens.push(createTokenInstance(type, '', offset, offset - 1, line, line, column, column - 1));
    }

    private pushDedent(): void {
        const last = this.last;
        if (last) {
            this.pushZeroWidth(this.types.DEDENT, last.endOffset! + 1, last.endLine!, last.endColumn! + 1);
        } else {
            this.pushZeroWidth(this.types.DEDENT, this.offset, this.line, 1);
        }
    }

    private report(offset: number, length: number, message: string): void {
        this.diagnostics.push({
            offset,
            length,
            line: this.line,
            column: offset - this.lineStart + 1,
            message,
            severity: 'error'
        });
    }
}

function isAsciiLetter(c: number): boolean {
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isDigit(c: number): boolean {
    return c >= 0x30 && c <= 0x39;
}
