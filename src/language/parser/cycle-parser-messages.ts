import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { nearestNames } from '../../domain/nearest.js';
import { ELEMENT_KINDS } from '../element-kinds.js';
import { BLOCKS, blocksHolding, blocksOpenedBy, isBlockKind, KEYWORD_OF_VALUE, type BlockKind } from './blocks.js';
import { describeLine, indexOfToken, previousSiblingLine } from './line-above.js';
import { SEVERITIES, TIME_UNIT_SYNONYMS } from '../../domain/vocabulary.js';

/** What a value slot expects, by the grammar rule that holds it. */
const VALUE_RULES: Record<string, string> = {
    StageValue: 'a stage: introduction, growth, maturity or decline',
    WaitBound: '`target` or `limit`',
    TimeUnit: 'a unit of time: sec(s), second(s), min(s), minute(s), hour(s), day(s) or week(s)',
    SeverityLevel: 'a severity: low, medium or high',
    MitigationKind: '`prevent` or `recover`',
    Reason: 'a reason: importance or deterioration',
    AnswerFormat: 'an answer format: yes-no, scale 1..5, number, text or choice "…"',
    Duration: 'a duration such as `10 min`',
    Measure: 'what the answer measures: satisfaction, importance, expectation, overall or recommend',
    Answer: 'an answer format: yes-no, scale 1..5, number, text or choice "…"'
};

const TOKEN_WORDS: Record<string, string> = {
    ID: 'an id (letters, digits, `-` and `_`, starting with a letter)',
    STRING: 'a "label" in double quotes',
    INT: 'a whole number',
    DATE: 'a date (YYYY-MM-DD)',
    INDENT: 'an indented block',
    DEDENT: 'the end of the block',
    EOF: 'the end of the file'
};

function ruleOf(ruleName: string | undefined): string {
    return (ruleName ?? '').replace(/\u200B$/, '');
}

/** How a token that was found reads in a message. */
function describeFound(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF') return 'the end of the file';
    switch (token.tokenType.name) {
        case 'INDENT':
        case 'DEDENT': return 'the end of the line';
        case 'STRING': return `the label ${truncate(token.image)}`;
        case 'INT': return `the number ${token.image}`;
        case 'DATE': return `the date ${token.image}`;
        default: return '`' + truncate(token.image) + '`';
    }
}

/**
 * What was found where something was still expected on the line: a token on a later
 * line means the line ended too early, whatever word starts the next one.
 */
function describeFoundAfter(actual: IToken | undefined, previous: IToken | undefined): string {
    if (actual && previous && actual.tokenType?.name !== 'EOF' && actual.startLine! > previous.endLine!) {
        return 'the end of the line';
    }
    return describeFound(actual);
}

function describeExpected(type: TokenType): string {
    return TOKEN_WORDS[type.name] ?? '`' + type.name + '`';
}

function truncate(text: string): string {
    return text.length > 40 ? text.substring(0, 39) + '…' : text;
}

function listOf(items: string[]): string {
    const unique = [...new Set(items)];
    if (unique.length <= 1) return unique[0] ?? 'something else';
    return unique.slice(0, -1).join(', ') + ' or ' + unique[unique.length - 1];
}

export const INDENTED_TOO_DEEP = 'This line is indented under a line that takes no block here';

/** The keyword a token spells, if it was scanned as one (keyword token types bear their keyword's name). */
function keywordOf(token: IToken): string | undefined {
    const name = token.tokenType?.name;
    return name && name === token.image && !Object.hasOwn(TOKEN_WORDS, name) ? name : undefined;
}

/** A word written where a keyword belongs: an id, or a keyword of the wrong place. */
function wordOf(token: IToken | undefined): string | undefined {
    if (!token) return undefined;
    return token.tokenType?.name === 'ID' ? token.image : keywordOf(token);
}

/** Words people write for a value, by the rule that takes the value: `hrs` for `hours`. */
const SYNONYMS: Readonly<Record<string, Readonly<Record<string, string>>>> = { TimeUnit: TIME_UNIT_SYNONYMS };

/**
 * `: did you mean `moment`?` when the word is a slip of one of the candidates (or a
 * synonym of one, for the values of `rule`), else nothing.
 */
function didYouMean(token: IToken | undefined, candidates: readonly string[], rule = ''): string {
    const word = wordOf(token);
    if (!word || candidates.includes(word)) return '';
    const synonyms = SYNONYMS[rule];
    const synonym = synonyms && Object.hasOwn(synonyms, word) ? synonyms[word] : undefined;
    const [guess] = synonym ? [synonym] : nearestNames(word, candidates.filter(c => /^\p{L}/u.test(c)), 1);
    return guess ? `: did you mean \`${guess}\`?` : '';
}

function onSameLine(previous: IToken | undefined, actual: IToken): boolean {
    return !!previous && previous.endLine === actual.startLine && !['INDENT', 'DEDENT', 'EOF'].includes(actual.tokenType.name)
        && previous.tokenType.name !== 'INDENT' && previous.tokenType.name !== 'DEDENT';
}

/**
 * A word left over at the end of a complete line (`critical high`): what to do
 * with it. `critical` and `priorities` take nothing on their line; their values go
 * on lines of their own under them.
 */
export function leftoverWordMessage(actual: IToken, previous: IToken): string {
    const keyword = keywordOf(previous);
    if (keyword === 'critical' && (SEVERITIES as readonly string[]).includes(actual.image)) {
        return `\`critical\` takes no value; write the level on its own line under it: \`severity ${actual.image}\`.`;
    }
    if (keyword === 'critical' || keyword === 'priorities') {
        const example = keyword === 'priorities' && actual.tokenType.name === 'ID' ? `: \`- ${truncate(actual.image)}\`` : '';
        return `\`${keyword}\` takes nothing after it on its line; put ${describeFound(actual)} on a line of its own under it${example}.`;
    }
    return `Unexpected ${describeFound(actual).replace(/^the /, '')} after \`${truncate(previous.image)}\`: a line holds one fact; put what follows on a line of its own.`;
}

/**
 * A line that does not belong in the block it sits in. A keyword of a block that
 * this one holds was probably meant one level deeper: under the line just above
 * when that line opens such a block. Any other word is compared with the keywords
 * this block holds, for a slip of the keyboard.
 */
function misplaced(rule: string, actual: IToken, previous: IToken | undefined, tokens: readonly IToken[]): string {
    if (previous && onSameLine(previous, actual)) {
        return leftoverWordMessage(actual, previous);
    }
    if (actual.tokenType.name === 'INDENT') {
        return `${INDENTED_TOO_DEEP}: line it up with the lines above it.`;
    }
    if (!isBlockKind(rule)) {
        return `Unexpected ${describeFound(actual).replace(/^the /, '')}.`;
    }
    const block = BLOCKS[rule];
    const here = ELEMENT_KINDS[rule].inSentence;
    const notHere = `${capitalize(describeFound(actual))} does not belong in ${here}, which holds ${block.holds}`;
    const keyword = keywordOf(actual);
    const homes = keyword ? blocksHolding(keyword) : [];
    if (!keyword || homes.length === 0) {
        const line = keyword && Object.hasOwn(KEYWORD_OF_VALUE, keyword) ? KEYWORD_OF_VALUE[keyword] : undefined;
        const whole = line && block.keywords.includes(line) ? `: did you mean \`${line} ${keyword}\`?` : '';
        return `${notHere}${whole || didYouMean(actual, block.keywords) || '.'}`;
    }
    const children = homes.filter(kind => BLOCKS[kind].parent === rule);
    if (children.length === 0) {
        return `${notHere}; \`${keyword}\` belongs in ${listOf(homes.map(kind => ELEMENT_KINDS[kind].inSentence))}.`;
    }
    const index = indexOfToken(tokens, actual);
    const above = index >= 0 ? previousSiblingLine(tokens, index) : -1;
    const opened = above >= 0 ? blocksOpenedBy(tokens[above].image) : [];
    const home = children.find(kind => opened.includes(kind));
    if (home) {
        return `\`${keyword}\` belongs in ${ELEMENT_KINDS[home].inSentence}, not directly in ${here}: indent it under \`${describeLine(tokens, above)}\`.`;
    }
    const kind = children[0];
    const openers = listOf(BLOCKS[kind].openedBy.map(k => '`' + k + '`'));
    return `\`${keyword}\` belongs in ${ELEMENT_KINDS[kind].inSentence}, not directly in ${here}: move it under the ${openers} line it is about, one step further in.`;
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.substring(1);
}

/** The keywords among the first tokens of some paths: the values a slot takes. */
function keywordsOf(types: readonly TokenType[]): string[] {
    return types.map(type => type.name).filter(name => !Object.hasOwn(TOKEN_WORDS, name));
}

/**
 * Parser messages for service designers: what was expected, in plain words, never
 * token names, offsets or the INDENT/DEDENT that the lexer invents; where a word is
 * a slip of a keyword allowed there, which one.
 */
export class CycleParserErrorMessageProvider implements IParserErrorMessageProvider {
    /** The tokens of the text being parsed, to look at the lines around an error. */
    private tokens: readonly IToken[] = [];

    /** Called by the parser with each new text's tokens, before it parses them. */
    setInput(tokens: readonly IToken[]): void {
        this.tokens = tokens;
    }

    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const rule = ruleOf(options.ruleName);
        const expected = options.expected.name;
        if (expected === 'DEDENT' || expected === 'EOF') {
            return misplaced(expected === 'EOF' ? 'Document' : rule, options.actual, options.previous, this.tokens);
        }
        const after = options.previous?.image ? ` after \`${truncate(options.previous.image)}\`` : '';
        const found = describeFoundAfter(options.actual, options.previous);
        if (expected === 'STRING' && isBlockKind(rule)) {
            return `Expected a "label" in double quotes${after}, found ${found}.`;
        }
        const hint = found === 'the end of the line' ? '' : didYouMean(options.actual, keywordsOf([options.expected]));
        return `Expected ${describeExpected(options.expected)}${after}, found ${found}${hint || '.'}`;
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return misplaced('Document', options.firstRedundant, undefined, this.tokens);
    }

    buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const rule = ruleOf(options.ruleName);
        const actual = options.actual[0];
        const after = options.previous?.image ? ` after \`${truncate(options.previous.image)}\`` : '';
        if (isBlockKind(rule) || /Item$/.test(rule)) {
            const owner = isBlockKind(rule) ? rule : blockOfItemRule(rule);
            return misplaced(owner, actual, options.previous, this.tokens);
        }
        const firsts = options.expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0])).filter(Boolean);
        const found = describeFoundAfter(actual, options.previous);
        const hint = found === 'the end of the line' ? '' : didYouMean(actual, keywordsOf(firsts), rule);
        const expected = VALUE_RULES[rule] ?? listOf(firsts.map(describeKeywordOrToken));
        return `Expected ${expected}${after}, found ${found}${hint || '.'}`;
    }

    buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const rule = ruleOf(options.ruleName);
        if (rule === 'ChoiceAnswer') {
            return `\`choice\` needs at least one "option" label on the same line, found ${describeFound(options.actual[0])}.`;
        }
        const firsts = options.expectedIterationPaths.map(path => path[0]).filter(Boolean);
        return `Expected at least one ${listOf(firsts.map(describeKeywordOrToken))}, found ${describeFoundAfter(options.actual[0], options.previous)}.`;
    }
}

function describeKeywordOrToken(type: TokenType): string {
    return TOKEN_WORDS[type.name] ?? '`' + type.name + '`';
}

function blockOfItemRule(rule: string): BlockKind {
    const owner = rule.replace(/Item$/, '');
    return isBlockKind(owner) ? owner : 'Document';
}
