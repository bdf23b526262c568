import type { CycleAstType } from './generated/ast.js';

/**
 * The words a designer reads for each kind of element of the language, by its AST
 * type: the one table that findings, syntax errors, rename refusals and unresolved
 * references take their words from, so no two messages call one thing by two names.
 */

/** Compiles only for names of the grammar's AST types: the table follows the grammar. */
type AstTypes<T extends keyof CycleAstType> = T;

/** The elements a designer gives an id. */
export type NamedKind = AstTypes<'Cycle' | 'Role' | 'Moment' | 'Requirement' | 'Action' | 'Area' | 'Survey' | 'Question'>;

/** Every kind with words: the named elements and the other blocks that lines sit in. */
export type ElementKind = NamedKind | AstTypes<'Document' | 'Critical' | 'Mitigation' | 'Priorities'>;

interface ElementKindWords {
    /** The kind in a sentence, with its article: "a moment", "an area", "the top level of a file". */
    readonly inSentence: string;
}

interface NamedKindWords extends ElementKindWords {
    /** The kind before an id or a line number: "the moment `pay`", "No area named `x`". */
    readonly word: string;
}

type ElementKindTable = { readonly [K in ElementKind]: K extends NamedKind ? NamedKindWords : ElementKindWords };

export const ELEMENT_KINDS: ElementKindTable = {
    Document: { inSentence: 'the top level of a file' },
    Cycle: { word: 'cycle', inSentence: 'a cycle' },
    Role: { word: 'role', inSentence: 'a role' },
    Moment: { word: 'moment', inSentence: 'a moment' },
    Critical: { inSentence: 'a critical block' },
    Mitigation: { inSentence: 'a prevent or recover line' },
    Requirement: { word: 'requirement', inSentence: 'a requirement' },
    Action: { word: 'action', inSentence: 'an action' },
    Area: { word: 'area', inSentence: 'an area' },
    Priorities: { inSentence: 'priorities' },
    Survey: { word: 'survey', inSentence: 'a survey' },
    Question: { word: 'question', inSentence: 'a question' }
};

function isElementKind(type: string): type is ElementKind {
    return Object.hasOwn(ELEMENT_KINDS, type);
}

/** Whether elements of this AST type have an id (so findings about them wait for it). */
export function isNamedKind(type: string): type is NamedKind {
    return isElementKind(type) && 'word' in ELEMENT_KINDS[type];
}
