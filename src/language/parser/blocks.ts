import type { ElementKind } from '../element-kinds.js';

/**
 * The blocks of the language as a designer reads them: what each holds, which line
 * opens it, and which block it sits in. Messages use this to say where a line
 * belongs and which keyword a misspelt word probably was; what each block is called
 * comes from ELEMENT_KINDS. (A test holds the keyword lists to the grammar.)
 */

/** The kinds that hold lines of their own: every kind but `role`, whose line is all there is. */
export type BlockKind = Exclude<ElementKind, 'Role'>;

interface Block {
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
    // (`language` may come first, once: LanguageLine in the grammar, not an element.)
    Document: { holds: '`cycle` and `role` lines', keywords: ['cycle', 'role'], openedBy: [] },
    Cycle: {
        holds: 'customer, goal, stage, peak, role, phase, moment, requirement, action, area, priorities and survey',
        keywords: ['customer', 'goal', 'stage', 'peak', 'role', 'phase', 'moment', 'requirement', 'action', 'area', 'priorities', 'survey'],
        openedBy: ['cycle'],
        parent: 'Document'
    },
    Moment: {
        holds: 'by, channel, feels, quality, wait target, wait limit, evidence, frontstage, backstage, support, achieves goal and critical',
        keywords: ['by', 'channel', 'feels', 'quality', 'wait', 'evidence', 'frontstage', 'backstage', 'support', 'achieves', 'critical'],
        openedBy: ['moment'],
        parent: 'Cycle'
    },
    Critical: {
        holds: 'severity, risk, prevent and recover',
        keywords: ['severity', 'risk', 'prevent', 'recover'], openedBy: ['critical'], parent: 'Moment'
    },
    Mitigation: { holds: 'owner', keywords: ['owner'], openedBy: ['prevent', 'recover'], parent: 'Critical' },
    Requirement: { holds: 'for and from', keywords: ['for', 'from'], openedBy: ['requirement'], parent: 'Cycle' },
    Action: { holds: 'meets, owner and due', keywords: ['meets', 'owner', 'due'], openedBy: ['action'], parent: 'Cycle' },
    Area: { holds: 'because and covers', keywords: ['because', 'covers'], openedBy: ['area'], parent: 'Cycle' },
    Priorities: {
        holds: '`- area-id` lines, one per ranked area',
        keywords: ['-'], openedBy: ['priorities'], parent: 'Cycle'
    },
    Survey: { holds: 'question and results', keywords: ['question', 'results'], openedBy: ['survey'], parent: 'Cycle' },
    Question: {
        holds: 'about, answer, measures and quality',
        keywords: ['about', 'answer', 'measures', 'quality'], openedBy: ['question'], parent: 'Survey'
    }
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
    en: 'language', ru: 'language', zh: 'language',
    low: 'severity', medium: 'severity', high: 'severity',
    introduction: 'stage', growth: 'stage', maturity: 'stage', decline: 'stage',
    importance: 'because', deterioration: 'because',
    target: 'wait', limit: 'wait',
    'yes-no': 'answer', scale: 'answer', number: 'answer', text: 'answer', choice: 'answer',
    satisfaction: 'measures', expectation: 'measures', overall: 'measures', recommend: 'measures'
};
