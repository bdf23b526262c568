import { EOF, MismatchedTokenException, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import {
    createParser, CstNodeBuilder, LangiumParser, type AstNode, type CompositeCstNode, type CstNode, type LangiumCoreServices, type ParseResult,
    type ParserOptions
} from 'langium';
import { leftoverWordMessage } from './cycle-parser-messages.js';

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
    input: IToken[];
    currIdx: number;
    RULE_STACK_IDX: number;
    LA_FAST(howMuch: number): IToken;
    LA(howMuch: number): IToken;
    SKIP_TOKEN(): IToken;
    SAVE_ERROR(error: Error): void;
    exportLexerState(): number;
    importLexerState(state: number): void;
    findReSyncTokenType(): TokenType;
    buildFullFollowKeyStack(): unknown[];
    getFollowSetFromFollowKey(key: unknown): TokenType[] | undefined;
    reSyncTo(type: TokenType): IToken[];
    addToResyncTokens(token: IToken, tokens: IToken[]): IToken[];
    getCurrRuleFullName(): string;
    errorMessageProvider: { buildMismatchTokenMessage(options: object): string; setInput?(tokens: readonly IToken[]): void };
    currRuleLookaheadFuncs: ((this: Recognizer) => boolean)[];
    optionInternalLogic(action: unknown, occurrence: number, key: number): unknown;
    attemptInRepetitionRecovery(...args: unknown[]): void;
    tryInRepetitionRecovery(rule: (...args: unknown[]) => void, args: unknown[], lookahead: () => boolean, expected: TokenType): void;
    ruleInvocationStateUpdate(shortName: number, fullName: string, idxInCallingRule: number): void;
    canTokenTypeBeInsertedInRecovery(type: TokenType): boolean;
    canRecoverWithSingleTokenDeletion(type: TokenType): boolean;
}

/** Per-parse facts about blocks that the recovery needs. */
interface BlockState {
    /** Block depth before each token of the input (one more entry for the end). */
    depthBefore: Int32Array;
    /** Index of the first token of each rule on the rule stack. */
    ruleStarts: number[];
    /** The token a rule-level resynchronisation chose, so reSyncTo stops exactly there. */
    target: number;
}

/**
 * Langium's parser with Chevrotain's error recovery taught that blocks are made of
 * indented lines:
 * - it never invents or deletes an INDENT or DEDENT, so blocks stay balanced;
 * - when a rule fails, it resumes only at a token that can follow the rule *at the
 *   rule's own block depth*: a line inside a moment's block never ends the cycle;
 * - a line it does not understand is skipped together with its indented block, so a
 *   half-typed line (`  m` above `    by teller`) does not drop every later moment;
 * - it gives up after {@link MAX_PARSER_ERRORS} errors (no stack overflow).
 */
class CycleParser extends LangiumParser {
    private readonly blocks: BlockState = { depthBefore: new Int32Array(1), ruleStarts: [], target: -1 };

    constructor(services: LangiumCoreServices) {
        super(services);
        (this as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new CommentAwareCstNodeBuilder();
        takeCommentsInOrder(this as unknown as HiddenTokenParser);
        const indent = services.parser.Lexer.definition.INDENT;
        const dedent = services.parser.Lexer.definition.DEDENT;
        teachBlocks(this.wrapper as unknown as Recognizer, this.blocks, indent, dedent);
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        (this.wrapper as unknown as Recognizer).recoveryEnabled = true;
        try {
            return super.parse<T>(input, options);
        } finally {
            // The parser keeps its last input (every token) until the next parse: the
            // tokens would stay alive beside the tree through linking and validation,
            // a quarter of the heap of a big file. The tree needs none of them.
            (this.wrapper as unknown as Recognizer).input = [];
        }
    }
}

/**
 * Langium places the comments before each token into the syntax tree as the token is
 * consumed; with no comment to place it still searches the parent's children for
 * the current node, which costs a scan of a cycle's items per item (quadratic for
 * big cycles). Skip the search when there is nothing to place, and search from the
 * end when there is.
 */
class CommentAwareCstNodeBuilder extends CstNodeBuilder {
    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length === 0) return;
        const nodes = tokens.map(token => this.createLeafNode(token, true));
        let current: CompositeCstNode = this.current;
        if (current.content.length > 0) {
            this.appendChildren(current, nodes);
            return;
        }
        // As Langium does, but the node being built is the last child of its parent:
        // searching from the end finds it at once, where `indexOf` scanned every earlier
        // item of the cycle for each commented one (quadratic with thousands of them).
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                this.insertChildren(current.container, index, nodes);
                return;
            }
            current = current.container;
        }
        this.insertChildren(current, 0, nodes);
    }

    /**
     * Langium appends with `push(...children)` and inserts with `splice(i, 0, ...children)`,
     * passing every comment of a block as an argument: about 125,000 comment lines in a
     * row overflow the stack. Add them one at a time instead.
     */
    override appendChildren(parent: CompositeCstNode, children: CstNode[]): void {
        for (const child of children) this.appendChild(parent, child);
    }

    override insertChildren(parent: CompositeCstNode, index: number, children: CstNode[]): void {
        const content = parent.content as CstNode[];
        const after = content.splice(index);
        for (const child of children) this.appendChild(parent, child);
        for (const node of after) content.push(node);
    }
}

/** The private parts of Langium's parser that hand comments to the syntax tree. */
interface HiddenTokenParser {
    lexerResult?: { hidden: IToken[] };
    extractHiddenTokens(token: IToken): IToken[];
    doParse(rule: unknown): unknown;
}

/**
 * Langium takes the comments before each token off the front of the list of all
 * comments with `splice(0, n)`, moving every comment after them: with a comment
 * above each of thousands of moments that is quadratic. Walk the list with a cursor
 * instead, and drop what was taken once, when the parse ends, so Langium still
 * finds only the trailing comments left.
 */
function takeCommentsInOrder(parser: HiddenTokenParser): void {
    let taken = 0;
    parser.extractHiddenTokens = function (this: HiddenTokenParser, token: IToken): IToken[] {
        const hidden = this.lexerResult?.hidden ?? [];
        const start = taken;
        while (taken < hidden.length && hidden[taken].startOffset <= token.startOffset) taken++;
        return start === taken ? [] : hidden.slice(start, taken);
    };
    const doParse = parser.doParse;
    parser.doParse = function (this: HiddenTokenParser, rule: unknown): unknown {
        taken = 0;
        try {
            return doParse.call(this, rule);
        } finally {
            this.lexerResult?.hidden.splice(0, taken);
            taken = 0;
        }
    };
}

function teachBlocks(parser: Recognizer, blocks: BlockState, indent: TokenType, dedent: TokenType): void {
    const isBlockToken = (token: IToken): boolean => tokenMatcher(token, indent) || tokenMatcher(token, dedent);

    // The token vector is set once per parse: compute the depth before every token.
    const inputSetter = findProperty(parser, 'input');
    Object.defineProperty(parser, 'input', {
        configurable: true,
        get: inputSetter?.get ? function (this: Recognizer) { return inputSetter.get!.call(this); } : undefined,
        set(this: Recognizer, tokens: IToken[]) {
            inputSetter?.set?.call(this, tokens);
            const depth = new Int32Array(tokens.length + 1);
            let current = 0;
            for (let i = 0; i < tokens.length; i++) {
                depth[i] = current;
                if (tokenMatcher(tokens[i], indent)) current++;
                else if (tokenMatcher(tokens[i], dedent) && current > 0) current--;
            }
            depth[tokens.length] = current;
            blocks.depthBefore = depth;
            blocks.ruleStarts = [];
            blocks.target = -1;
            this.errorMessageProvider.setInput?.(tokens);
        }
    });

    // `critical high` above its indented block: the word left over is one error, and
    // the block under the line is still read as that line's block.
    const option = parser.optionInternalLogic;
    parser.optionInternalLogic = function (this: Recognizer, action: unknown, occurrence: number, key: number) {
        if (this.recoveryEnabled && this.errors.length < MAX_PARSER_ERRORS) {
            skipLeftoverWordsBeforeBlock(this, this.currRuleLookaheadFuncs[key], indent, dedent);
        }
        return option.call(this, action, occurrence, key);
    };

    const invoke = parser.ruleInvocationStateUpdate;
    parser.ruleInvocationStateUpdate = function (this: Recognizer, shortName, fullName, idxInCallingRule) {
        invoke.call(this, shortName, fullName, idxInCallingRule);
        blocks.ruleStarts[this.RULE_STACK_IDX] = this.currIdx + 1;
    };

    parser.canTokenTypeBeInsertedInRecovery = type => type !== indent && type !== dedent;
    const deletion = parser.canRecoverWithSingleTokenDeletion;
    parser.canRecoverWithSingleTokenDeletion = function (this: Recognizer, expected: TokenType) {
        return !isBlockToken(this.LA(1)) && deletion.call(this, expected);
    };

    const attempt = parser.attemptInRepetitionRecovery;
    parser.attemptInRepetitionRecovery = function (this: Recognizer, ...args: unknown[]) {
        if (this.errors.length >= MAX_PARSER_ERRORS) {
            this.recoveryEnabled = false;
            return;
        }
        attempt.apply(this, args);
    };

    parser.findReSyncTokenType = function (this: Recognizer) {
        const keys = this.buildFullFollowKeyStack();
        const follows = keys.map(key => this.getFollowSetFromFollowKey(key) ?? []);
        const depthOf = (index: number): number => blocks.depthBefore[Math.min(index, blocks.depthBefore.length - 1)];
        const levelDepth = keys.map((_, level) => depthOf(blocks.ruleStarts[level] ?? 0));
        let lowest = Number.MAX_SAFE_INTEGER;
        for (let k = 1; ; k++) {
            const token = this.LA(k);
            const index = this.currIdx + k;
            if (tokenMatcher(token, EOF)) {
                blocks.target = index;
                return EOF;
            }
            const depth = depthOf(index);
            lowest = Math.min(lowest, depth);
            for (let level = follows.length - 1; level >= 0; level--) {
                // A token can follow a rule only in the block the rule started in.
                if (levelDepth[level] !== depth || lowest < depth) continue;
                const found = follows[level].find(type => tokenMatcher(token, type));
                if (found) {
                    blocks.target = index;
                    return found;
                }
            }
        }
    };

    parser.reSyncTo = function (this: Recognizer, type: TokenType) {
        const skipped: IToken[] = [];
        const target = blocks.target;
        blocks.target = -1;
        let token = this.LA_FAST(1);
        while (!tokenMatcher(token, EOF)) {
            const index = this.currIdx + 1;
            if (target >= 0 ? index >= target : tokenMatcher(token, type)) break;
            token = this.SKIP_TOKEN();
            this.addToResyncTokens(token, skipped);
        }
        return skipped.slice(0, -1);
    };

    parser.tryInRepetitionRecovery = function (this: Recognizer, rule, args, lookahead, expected) {
        skipLinesToResync(this, rule, args, lookahead, expected, indent, dedent, blocks);
    };
}

/**
 * Before an optional block (`(INDENT … DEDENT)?`) that its line's leftover words
 * hide: when the words after a complete fact run to the end of the line and an
 * indented block follows, skips them with one error on the first, so the block is
 * read as the fact's own. Without this, Chevrotain would see no block, end the
 * element, and skip the leftover words together with the whole block under them.
 */
function skipLeftoverWordsBeforeBlock(parser: Recognizer, lookahead: ((this: Recognizer) => boolean) | undefined, indent: TokenType, dedent: TokenType): void {
    const previous = parser.LA(0);
    const first = parser.LA(1);
    const isLineToken = (token: IToken): boolean =>
        !tokenMatcher(token, EOF) && !tokenMatcher(token, indent) && !tokenMatcher(token, dedent) && token.startLine === previous.endLine;
    // The common case ends here: the line ended where the fact did.
    if (!lookahead || tokenMatcher(previous, indent) || tokenMatcher(previous, dedent) || !isLineToken(first)) return;
    // What follows on the line may be the option itself (`role r "label"`).
    if (lookahead.call(parser)) return;
    let count = 1;
    while (isLineToken(parser.LA(count + 1))) count++;
    if (!tokenMatcher(parser.LA(count + 1), indent)) return;
    const saved = parser.exportLexerState();
    parser.importLexerState(saved + count);
    if (!lookahead.call(parser)) {
        parser.importLexerState(saved);
        return;
    }
    const message = leftoverWordMessage(first, previous);
    parser.SAVE_ERROR(new MismatchedTokenException(message, first, previous));
}

function findProperty(object: object, name: string): PropertyDescriptor | undefined {
    for (let proto = Object.getPrototypeOf(object); proto; proto = Object.getPrototypeOf(proto)) {
        const descriptor = Object.getOwnPropertyDescriptor(proto, name);
        if (descriptor) return descriptor;
    }
    return undefined;
}

/**
 * In-repetition recovery for a block's list of lines: skips the line that does not
 * fit, with its indented block, and resumes at the next line that does, or at the
 * end of the block. Other repetitions keep Chevrotain's behaviour.
 */
function skipLinesToResync(
    parser: Recognizer, rule: (...args: unknown[]) => void, args: unknown[], lookahead: () => boolean,
    expected: TokenType, indent: TokenType, dedent: TokenType, blocks: BlockState
): void {
    const blockList = expected === dedent || expected === EOF;
    const resyncType = blockList ? undefined : parser.findReSyncTokenType();
    blocks.target = -1;
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
    let before = previousToken;
    while (!tokenMatcher(token, EOF)) {
        if (depth === 0) {
            if (tokenMatcher(token, expected)) {
                reportSkipped();
                return;
            }
            const startsLine = token !== firstToken && (tokenMatcher(before, indent) || tokenMatcher(before, dedent) || (before.endLine ?? 0) < (token.startLine ?? 0));
            if ((startsLine || !blockList) && token !== firstToken && lookahead.call(parser)) {
                reportSkipped();
                rule.apply(parser, args);
                return;
            }
            if (resyncType && tokenMatcher(token, resyncType)) {
                break;
            }
        }
        if (tokenMatcher(token, indent)) depth++;
        else if (tokenMatcher(token, dedent) && depth > 0) depth--;
        before = token;
        token = parser.SKIP_TOKEN();
    }
    // Nothing to resume at here: leave the error to the enclosing rule.
    parser.importLexerState(saved);
}

export function createCycleParser(services: LangiumCoreServices): LangiumParser {
    const parser = new CycleParser(services);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
