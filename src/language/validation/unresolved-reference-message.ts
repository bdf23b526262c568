import { ELEMENT_KINDS, type NamedKind } from '../element-kinds.js';
import type { CycleAstType } from '../generated/ast.js';

/** What each reference names, by the AST type that holds it: `by clerk` names a role. */
const REFERENCE_TARGETS = {
    By: 'Role',
    Owner: 'Role',
    For: 'Moment',
    Covers: 'Moment',
    About: 'Moment',
    Meets: 'Requirement',
    PriorityItem: 'Area'
} as const satisfies { readonly [Holder in keyof CycleAstType]?: NamedKind };

/** The kind of element a reference held by `containerType` names, if the language words it. */
export function referenceTargetOf(containerType: string | undefined): NamedKind | undefined {
    return containerType !== undefined && Object.hasOwn(REFERENCE_TARGETS, containerType)
        ? REFERENCE_TARGETS[containerType as keyof typeof REFERENCE_TARGETS]
        : undefined;
}

/**
 * How to make a reference to `written` resolve: a role may be declared in the cycle
 * or for every file; anything else is one of the cycle's own elements.
 */
function howToResolve(target: NamedKind, written: string): string {
    return target === 'Role'
        ? `declare it with \`role ${written} "…"\` in this cycle or at the top level of a file, or fix the name`
        : `use the id of ${ELEMENT_KINDS[target].inSentence} of this cycle`;
}

/**
 * The message of an unresolved reference: what is missing, the nearest visible name
 * when there is one, and otherwise how to fix it.
 */
export function unresolvedReferenceMessage(target: NamedKind, written: string, suggestions: readonly string[]): string {
    const kind = ELEMENT_KINDS[target].word;
    const how = howToResolve(target, written);
    const [guess] = suggestions;
    return guess
        ? `No ${kind} named \`${written}\` is visible here: did you mean \`${guess}\`? Otherwise ${how}.`
        : `No ${kind} named \`${written}\` is visible here: ${how}.`;
}
