import type { LinkingErrorData } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { RuleCode } from './rules.js';

/**
 * What a finding carries in its `data` besides its message: always its rule code,
 * and for some rules what a quick fix or the CLI needs. The editor hands `data` back
 * with a code action request, so this is also what quick fixes can rely on.
 */

/** Marks what the workspace-wide (slow) checks report, so the editor can keep it while typing. */
export const WORKSPACE_FINDING = 'workspace';

/** Where in a survey results file a problem is, for `cycle check` to list it against the CSV too. */
export interface ResultsPlaceData {
    /** The CSV's URI. */
    readonly uri: string;
    /** The path as its `results` line writes it. */
    readonly path: string;
    /** 1-based record number, the header being row 1. */
    readonly row: number;
    /** 1-based line of the file where the record starts. */
    readonly line: number;
    /** 1-based field; null: the whole row. */
    readonly column: number | null;
}

/** The rules whose findings carry more than their code, and what. */
interface RuleExtras {
    /** The problems of a results file that have a place in it (not the file as a whole). */
    'results-unreadable': { readonly csv?: ResultsPlaceData };
    'results-unknown-question': { readonly csv?: ResultsPlaceData };
    'answer-out-of-scale': { readonly csv?: ResultsPlaceData };
    /** Langium's `containerType`, `property` and `refText`, and the visible names nearest to `refText`, best first. */
    'unresolved-reference': Omit<LinkingErrorData, 'code'> & { readonly suggestions?: readonly string[] };
    /** The components of quality service the value probably meant, best first. */
    'unknown-quality': { readonly suggestions: readonly string[] };
    /** The channels the value probably meant, best first. */
    'unknown-channel': { readonly suggestions: readonly string[] };
    /** The rule codes the comment probably meant, best first. */
    'unknown-ignore-code': { readonly suggestions: readonly string[] };
    /** The ids of the cycle's surveys, any of which could ask about the moment. */
    'critical-not-surveyed': { readonly surveys: readonly string[] };
    /** The components of quality service no moment addresses. */
    'quality-unaddressed': { readonly missing: readonly string[] };
}

/** What a finding of rule `C` carries besides its code: nothing for most rules. */
export type ExtrasOf<C extends RuleCode> = C extends keyof RuleExtras ? RuleExtras[C] : Record<never, never>;

/** The data of a finding of rule `C` (of any rule, by default), keyed by its code. */
export type RuleFindingData<C extends RuleCode = RuleCode> = {
    [K in C]: { readonly code: K; readonly [WORKSPACE_FINDING]?: true } & ExtrasOf<K>
}[C];

/** How many findings of each severity a capped file left out (on the line that says so). */
export interface NotListed {
    readonly error: number;
    readonly warning: number;
    readonly info: number;
}

/** The data of the one diagnostic that says how many findings a capped file left out. */
export interface NotListedData {
    /** The code of the first finding left out. */
    readonly code: Diagnostic['code'];
    readonly notListed: NotListed;
}

/** The data any finding of this language carries, by rule code. */
export type FindingData = RuleFindingData | NotListedData;

/**
 * `data` as it arrives: from this language's validator, or back from an editor as
 * JSON, which may have dropped it or sent anything at all.
 */
function dataOf(diagnostic: Diagnostic): Partial<Record<string, unknown>> | undefined {
    const data: unknown = diagnostic.data;
    return typeof data === 'object' && data !== null ? data as Partial<Record<string, unknown>> : undefined;
}

/**
 * The data of a finding of rule `code`, as its rule attached it; undefined for a
 * diagnostic of any other code, and for the line that says how many findings were
 * left out (which bears the code of the first one but none of its data).
 */
export function findingDataOf<C extends RuleCode>(diagnostic: Diagnostic, code: C): RuleFindingData<C> | undefined {
    const data = dataOf(diagnostic);
    if (diagnostic.code !== code || data?.code !== code || 'notListed' in data) return undefined;
    return data as RuleFindingData<C>;
}

/** On the line that says how many findings a capped file left out: how many, by severity. */
export function notListedOf(diagnostic: Diagnostic): NotListed | undefined {
    return (dataOf(diagnostic) as Partial<NotListedData> | undefined)?.notListed;
}

/** Whether a workspace-wide (slow) check reported this finding. */
export function isWorkspaceFinding(diagnostic: Diagnostic): boolean {
    return Boolean(dataOf(diagnostic)?.[WORKSPACE_FINDING]);
}
