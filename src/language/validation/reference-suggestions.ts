import type { LangiumDocument, ReferenceInfo, ScopeProvider } from 'langium';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { nearestNames } from '../../domain/nearest.js';

/**
 * "Did you mean" for an unresolved reference (`by clerc`): the names visible at that
 * very place, as the scope provider sees them, nearest to what was written. A name of
 * another cycle is never proposed, since a reference could not reach it.
 */

/**
 * How many unresolved references of one document get a suggestion, and how many
 * names their suggestions may compare in all: each compares the word with every
 * name in scope, and a file pasted with thousands of broken references to thousands
 * of moments must still be answered at once. Past either, the remaining references
 * get no suggestion (a file being written has a handful of each).
 */
export const MAX_SUGGESTED_REFERENCES = 100;
const NAME_COMPARISON_BUDGET = 5_000;

interface Unresolved {
    /** Each unresolved reference of the document, by where its text starts. */
    readonly byStart: ReadonlyMap<string, ReferenceInfo>;
    /** The suggestions computed so far, so every validation of one linking says the same. */
    readonly suggestions: Map<string, string[]>;
    /** What is left of {@link NAME_COMPARISON_BUDGET}. */
    budget: number;
}

function keyOf(position: Position): string {
    return `${position.line}:${position.character}`;
}

export class ReferenceSuggestions {
    /** Built once per linking of a document: Langium gives each linking a new references array. */
    private readonly unresolved = new WeakMap<object, Unresolved>();

    constructor(private readonly scopes: ScopeProvider) { }

    /** The visible names nearest to `written`, best first; empty when none is close. */
    nearestTo(document: LangiumDocument, diagnostic: Diagnostic, written: string): string[] {
        const table = this.unresolvedOf(document);
        const key = keyOf(diagnostic.range.start);
        const known = table.suggestions.get(key);
        if (known) return known;
        const info = table.byStart.get(key);
        if (!info || table.budget <= 0 || table.suggestions.size >= MAX_SUGGESTED_REFERENCES) return [];
        const names = new Set<string>();
        for (const description of this.scopes.getScope(info).getAllElements()) {
            if (description.name !== written) names.add(description.name);
        }
        table.budget -= names.size;
        const nearest = nearestNames(written, [...names]);
        table.suggestions.set(key, nearest);
        return nearest;
    }

    private unresolvedOf(document: LangiumDocument): Unresolved {
        let table = this.unresolved.get(document.references);
        if (!table) {
            const byStart = new Map<string, ReferenceInfo>();
            for (const reference of document.references) {
                const start = reference.$refNode?.range.start;
                if (reference.error && start) byStart.set(keyOf(start), reference.error.info);
            }
            table = { byStart, suggestions: new Map(), budget: NAME_COMPARISON_BUDGET };
            this.unresolved.set(document.references, table);
        }
        return table;
    }
}
