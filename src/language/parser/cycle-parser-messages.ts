import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

/** What each block may hold, in the words a designer reads in the spec. */
const BLOCK_CONTENTS: Record<string, { what: string; holds: string }> = {
    Document: { what: 'the top level of a file', holds: '`cycle` and `role` lines' },
    Cycle: { what: 'a cycle', holds: 'customer, goal, stage, peak, role, phase, moment, requirement, action, area, priorities and survey' },
    Moment: { what: 'a moment', holds: 'by, channel, feels, quality, wait target, wait limit, evidence, backstage, support, achieves goal and critical' },
    Critical: { what: 'a critical block', holds: 'severity, risk, prevent and recover' },
    Mitigation: { what: 'a prevent or recover line', holds: 'owner' },
    Requirement: { what: 'a requirement', holds: 'for and from' },
    Action: { what: 'an action', holds: 'meets, owner and due' },
    Area: { what: 'an area', holds: 'because and covers' },
    Priorities: { what: 'priorities', holds: '`- area-id` lines, one per ranked area' },
    Survey: { what: 'a survey', holds: 'question' },
    Question: { what: 'a question', holds: 'about and answer' }
};

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
export function describeFound(token: IToken | undefined): string {
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

function misplaced(rule: string, actual: IToken, previous?: IToken): string {
    const block = BLOCK_CONTENTS[rule];
    if (previous && previous.endLine === actual.startLine && !['INDENT', 'DEDENT', 'EOF'].includes(actual.tokenType.name)
        && previous.tokenType.name !== 'INDENT' && previous.tokenType.name !== 'DEDENT') {
        return `Unexpected ${describeFound(actual).replace(/^the /, '')} after \`${truncate(previous.image)}\`: a line holds one fact; put what follows on a line of its own.`;
    }
    if (actual.tokenType.name === 'INDENT') {
        return `${INDENTED_TOO_DEEP}: line it up with the lines above it.`;
    }
    if (!block) {
        return `Unexpected ${describeFound(actual).replace(/^the /, '')}.`;
    }
    return `${capitalize(describeFound(actual))} does not belong in ${block.what}, which holds ${block.holds}.`;
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.substring(1);
}

/**
 * Parser messages for service designers: what was expected, in plain words, never
 * token names, offsets or the INDENT/DEDENT that the lexer invents.
 */
export class CycleParserErrorMessageProvider implements IParserErrorMessageProvider {
    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const rule = ruleOf(options.ruleName);
        const expected = options.expected.name;
        if (expected === 'DEDENT' || expected === 'EOF') {
            return misplaced(expected === 'EOF' ? 'Document' : rule, options.actual, options.previous);
        }
        const after = options.previous?.image ? ` after \`${truncate(options.previous.image)}\`` : '';
        if (expected === 'STRING' && BLOCK_CONTENTS[rule]) {
            return `Expected a "label" in double quotes${after}, found ${describeFoundAfter(options.actual, options.previous)}.`;
        }
        return `Expected ${describeExpected(options.expected)}${after}, found ${describeFoundAfter(options.actual, options.previous)}.`;
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return misplaced('Document', options.firstRedundant);
    }

    buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const rule = ruleOf(options.ruleName);
        const actual = options.actual[0];
        const after = options.previous?.image ? ` after \`${truncate(options.previous.image)}\`` : '';
        const valueRule = VALUE_RULES[rule];
        if (valueRule) {
            return `Expected ${valueRule}${after}, found ${describeFoundAfter(actual, options.previous)}.`;
        }
        if (BLOCK_CONTENTS[rule] || /Item$/.test(rule)) {
            const owner = BLOCK_CONTENTS[rule] ? rule : blockOfItemRule(rule);
            return misplaced(owner, actual, options.previous);
        }
        const firsts = options.expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0])).filter(Boolean);
        return `Expected ${listOf(firsts.map(describeKeywordOrToken))}${after}, found ${describeFoundAfter(actual, options.previous)}.`;
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

function blockOfItemRule(rule: string): string {
    const owner = rule.replace(/Item$/, '');
    return BLOCK_CONTENTS[owner] ? owner : 'Document';
}
