/**
 * The blocks of the language as a designer reads them: what each holds, which line
 * opens it, and which block it sits in. Messages use this to say where a line
 * belongs and which keyword a misspelt word probably was. (A test holds the keyword
 * lists to the grammar.)
 */

export type BlockKind =
    | 'Document' | 'Cycle' | 'Moment' | 'Critical' | 'Mitigation' | 'Requirement' | 'Action' | 'Area'
    | 'Priorities' | 'Survey' | 'Question';

export interface Block {
    /** The block in a sentence: "a cycle". */
    readonly what: string;
    /** What it holds, in the words of the spec. */
    readonly holds: string;
    /** The keywords that start its lines. */
    readonly keywords: readonly string[];
    /** The keywords of the line that opens it (`moment`); none for the file itself. */
    readonly openedBy: readonly string[];
    /** The block it sits in. */
    readonly parent?: BlockKind;
}

export const BLOCKS: Readonly<Record<BlockKind, Block>> = {
    Document: { what: 'the top level of a file', holds: '`cycle` and `role` lines', keywords: ['cycle', 'role'], openedBy: [] },
    Cycle: {
        what: 'a cycle',
        holds: 'customer, goal, stage, peak, role, phase, moment, requirement, action, area, priorities and survey',
        keywords: ['customer', 'goal', 'stage', 'peak', 'role', 'phase', 'moment', 'requirement', 'action', 'area', 'priorities', 'survey'],
        openedBy: ['cycle'],
        parent: 'Document'
    },
    Moment: {
        what: 'a moment',
        holds: 'by, channel, feels, quality, wait target, wait limit, evidence, backstage, support, achieves goal and critical',
        keywords: ['by', 'channel', 'feels', 'quality', 'wait', 'evidence', 'backstage', 'support', 'achieves', 'critical'],
        openedBy: ['moment'],
        parent: 'Cycle'
    },
    Critical: {
        what: 'a critical block', holds: 'severity, risk, prevent and recover',
        keywords: ['severity', 'risk', 'prevent', 'recover'], openedBy: ['critical'], parent: 'Moment'
    },
    Mitigation: { what: 'a prevent or recover line', holds: 'owner', keywords: ['owner'], openedBy: ['prevent', 'recover'], parent: 'Critical' },
    Requirement: { what: 'a requirement', holds: 'for and from', keywords: ['for', 'from'], openedBy: ['requirement'], parent: 'Cycle' },
    Action: { what: 'an action', holds: 'meets, owner and due', keywords: ['meets', 'owner', 'due'], openedBy: ['action'], parent: 'Cycle' },
    Area: { what: 'an area', holds: 'because and covers', keywords: ['because', 'covers'], openedBy: ['area'], parent: 'Cycle' },
    Priorities: {
        what: 'priorities', holds: '`- area-id` lines, one per ranked area',
        keywords: ['-'], openedBy: ['priorities'], parent: 'Cycle'
    },
    Survey: { what: 'a survey', holds: 'question', keywords: ['question'], openedBy: ['survey'], parent: 'Cycle' },
    Question: { what: 'a question', holds: 'about and answer', keywords: ['about', 'answer'], openedBy: ['question'], parent: 'Survey' }
};

export function isBlockKind(name: string): name is BlockKind {
    return Object.hasOwn(BLOCKS, name);
}

/** The blocks whose lines may start with `keyword` (`owner`: a mitigation's, an action's). */
export function blocksHolding(keyword: string): BlockKind[] {
    return (Object.keys(BLOCKS) as BlockKind[]).filter(kind => BLOCKS[kind].keywords.includes(keyword));
}

/** The blocks that a line starting with `keyword` opens (`prevent`: a mitigation's). */
export function blocksOpenedBy(keyword: string): BlockKind[] {
    return (Object.keys(BLOCKS) as BlockKind[]).filter(kind => BLOCKS[kind].openedBy.includes(keyword));
}

/**
 * Values written without the keyword that takes them (`high` alone on a line):
 * the keyword, so a message can show the whole line, `severity high`.
 */
export const KEYWORD_OF_VALUE: Readonly<Record<string, string>> = {
    low: 'severity', medium: 'severity', high: 'severity',
    introduction: 'stage', growth: 'stage', maturity: 'stage', decline: 'stage',
    importance: 'because', deterioration: 'because',
    target: 'wait', limit: 'wait',
    'yes-no': 'answer', scale: 'answer', number: 'answer', text: 'answer', choice: 'answer'
};
