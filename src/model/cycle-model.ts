/**
 * The cycle model: plain, serialisable data built from the syntax tree, with source
 * ranges. The diagram, the diff, the exports and the editor features all read this,
 * never the syntax tree, so they cannot disagree. No Langium, no VS Code here.
 *
 * Ranges are 0-based, end-exclusive, in UTF-16 code units (as LSP counts).
 */

import type { LanguageCode } from '../domain/words/index.js';
import type { Measure } from '../results/results-types.js';

export const MODEL_VERSION = 1;

export interface Position {
    line: number;
    character: number;
}

export interface SourceRange {
    start: Position;
    end: Position;
}

export type StageName = 'introduction' | 'growth' | 'maturity' | 'decline';
export type SeverityLevel = 'low' | 'medium' | 'high';
/** A unit as written; `seconds` of a duration gives its length whatever the spelling. */
export type TimeUnit = 'sec' | 'secs' | 'second' | 'seconds' | 'min' | 'mins' | 'minute' | 'minutes'
    | 'hour' | 'hours' | 'day' | 'days' | 'week' | 'weeks';

export interface DurationModel {
    amount: number;
    unit: TimeUnit;
    /** The duration in seconds, for comparing and drawing. */
    seconds: number;
}

export interface RoleModel {
    id: string;
    label: string | null;
    /** `workspace`: declared at the top level of a file, visible everywhere. */
    scope: 'workspace' | 'cycle';
    range: SourceRange;
    idRange: SourceRange;
}

export interface MitigationModel {
    kind: 'prevent' | 'recover';
    text: string;
    owner: string | null;
    range: SourceRange;
}

export interface RiskModel {
    text: string;
    range: SourceRange;
}

export interface CriticalModel {
    /** `medium` when the block names none. */
    severity: SeverityLevel;
    risks: RiskModel[];
    prevent: MitigationModel[];
    recover: MitigationModel[];
    range: SourceRange;
}

export interface MomentModel {
    id: string;
    label: string;
    /** 1-based place in the cycle. */
    step: number;
    /** Label of the phase the moment belongs to, or null before any phase. */
    phase: string | null;
    by: string | null;
    channel: string | null;
    feels: number | null;
    qualities: string[];
    waitTarget: DurationModel | null;
    waitLimit: DurationModel | null;
    evidence: string[];
    /** What the employee does in front of the customer (the blueprint's frontstage lane). */
    frontstage: string[];
    backstage: string[];
    support: string[];
    achievesGoal: boolean;
    critical: CriticalModel | null;
    /** Critical with no `prevent`: the headline warning. */
    unmitigated: boolean;
    range: SourceRange;
    idRange: SourceRange;
}

export interface PhaseModel {
    label: string;
    /** Ids of the moments in the phase, in order. */
    moments: string[];
    range: SourceRange;
}

export interface RequirementModel {
    id: string;
    label: string;
    for: string[];
    from: string[];
    range: SourceRange;
    idRange: SourceRange;
}

export interface ActionModel {
    id: string;
    label: string;
    meets: string[];
    owner: string | null;
    due: string | null;
    range: SourceRange;
    idRange: SourceRange;
}

export interface AreaModel {
    id: string;
    label: string;
    because: ('importance' | 'deterioration')[];
    covers: string[];
    range: SourceRange;
    idRange: SourceRange;
}

export type AnswerModel =
    | { kind: 'yes-no' }
    | { kind: 'scale'; low: number; high: number; lowLabel: string | null; highLabel: string | null }
    | { kind: 'number'; unit: string | null }
    | { kind: 'text' }
    | { kind: 'choice'; options: string[] };

export interface QuestionModel {
    id: string;
    label: string;
    about: string[];
    answer: AnswerModel | null;
    /** What its answers measure (`measures` line; `satisfaction` when absent). */
    measures: Measure;
    /** Its own `quality` lines only (what it inherits from its moments is the plan's business). */
    qualities: string[];
    range: SourceRange;
    idRange: SourceRange;
}

export interface SurveyResultsLine {
    /** The path as written, relative to the `.cycle` file. */
    path: string;
    range: SourceRange;
}

export interface SurveyModel {
    id: string;
    label: string;
    questions: QuestionModel[];
    /** Its `results` lines in time order: the last is the current wave. */
    results: SurveyResultsLine[];
    range: SourceRange;
    idRange: SourceRange;
}

export interface CycleModel {
    id: string;
    label: string;
    /** The file's `language` line: the language of the words drawn around the labels; null when it has none. */
    language: LanguageCode | null;
    customer: string | null;
    goal: string | null;
    stage: StageName | null;
    peaks: string[];
    roles: RoleModel[];
    phases: PhaseModel[];
    moments: MomentModel[];
    requirements: RequirementModel[];
    actions: ActionModel[];
    areas: AreaModel[];
    /** Area ids, most urgent first. */
    priorities: string[];
    surveys: SurveyModel[];
    range: SourceRange;
    idRange: SourceRange;
}

/** What a diagram draws of a cycle: its chain of moments, who meets them, and the plan (requirements, actions, areas) around them; not the survey. */
export type DrawnCycle = Pick<CycleModel, 'id' | 'label' | 'language' | 'customer' | 'goal' | 'stage' | 'peaks' | 'roles' | 'phases' | 'moments'
    | 'requirements' | 'actions' | 'areas' | 'priorities' | 'range' | 'idRange'>;

/**
 * The cycle with the file's top-level roles it can see added to its own (a cycle's
 * role shadows a top-level one of the same id): a diagram names lanes and owners by
 * their labels, wherever in the file the role is declared.
 */
export function withFileRoles<T extends Pick<CycleModel, 'roles'>>(cycle: T, fileRoles: readonly RoleModel[]): T {
    const own = new Set(cycle.roles.map(r => r.id));
    const visible = fileRoles.filter(r => !own.has(r.id));
    return visible.length === 0 ? cycle : { ...cycle, roles: [...cycle.roles, ...visible] };
}

/** One `.cycle` file: its top-level roles and its cycles. */
export interface FileModel {
    modelVersion: typeof MODEL_VERSION;
    uri: string;
    roles: RoleModel[];
    cycles: CycleModel[];
}

interface CycleStats {
    moments: number;
    critical: number;
    unmitigated: number;
}

export function cycleStats(cycle: Pick<CycleModel, 'moments'>): CycleStats {
    let critical = 0;
    let unmitigated = 0;
    for (const moment of cycle.moments) {
        if (moment.critical) critical++;
        if (moment.unmitigated) unmitigated++;
    }
    return { moments: cycle.moments.length, critical, unmitigated };
}

/** `15 moments · 3 critical · 1 unmitigated`: the code lens and the legend say this. */
export function describeStats(stats: CycleStats): string {
    const moments = `${stats.moments} ${stats.moments === 1 ? 'moment' : 'moments'}`;
    return `${moments} · ${stats.critical} critical · ${stats.unmitigated} unmitigated`;
}
