/**
 * The survey-results core's boundary: what it needs to know of a survey (a plan, built
 * by the callers from the syntax tree or the cycle model), what it reads from a results
 * file, and the figures and findings it computes. Pure data, no Langium, no Node: the
 * language server's validator, the CLI, the diagrams and a browser worker all share it.
 */

/** What a question's answers measure (`measures` line; `satisfaction` when absent). */
export type Measure = 'satisfaction' | 'importance' | 'expectation' | 'overall' | 'recommend';

/** A question's answer format, as far as reading and scoring answers needs it. */
export type PlannedAnswer =
    | { readonly kind: 'yes-no' }
    | { readonly kind: 'scale'; readonly low: number; readonly high: number }
    | { readonly kind: 'number' }
    | { readonly kind: 'text' }
    | { readonly kind: 'choice'; readonly options: readonly string[] };

export interface PlannedQuestion {
    readonly id: string;
    /** null: the question has no `answer` line (its column is read as text). */
    readonly answer: PlannedAnswer | null;
    readonly measures: Measure;
    /** Moment ids of its `about` lines that resolve to a moment of the cycle. */
    readonly about: readonly string[];
    /** Its own `quality` lines, or, when it has none, those of the moments it is about. */
    readonly qualities: readonly string[];
}

export interface PlannedMoment {
    readonly id: string;
    readonly critical: boolean;
    /** The designed `feels` (1..5), or null. */
    readonly feels: number | null;
}

export interface PlannedArea {
    readonly id: string;
    readonly covers: readonly string[];
}

/** One survey of one cycle, with the parts of the cycle the figures and rules read. */
export interface SurveyPlan {
    readonly cycle: string;
    readonly survey: string;
    readonly questions: readonly PlannedQuestion[];
    /** In cycle order. */
    readonly moments: readonly PlannedMoment[];
    readonly areas: readonly PlannedArea[];
    /** Area ids, most urgent first. */
    readonly priorities: readonly string[];
}

export type ResultsProblemCode = 'results-unreadable' | 'results-unknown-question' | 'answer-out-of-scale';

/** Where in a results file a problem is: 1-based; row 1 is the header row. */
export interface CsvPlace {
    /** The record's number, counting the header as 1 (a spreadsheet's row number). */
    readonly row: number;
    /** 1-based line of the file where that record starts: differs from `row` once a quoted cell spans lines. */
    readonly line: number;
    /** 1-based field number; null: the whole row. */
    readonly column: number | null;
}

export interface ResultsProblem {
    readonly code: ResultsProblemCode;
    /** A full sentence naming the row, the column and the value, ready for a user. */
    readonly message: string;
    /** null: the file as a whole (missing, not UTF-8, empty). */
    readonly place: CsvPlace | null;
}

/**
 * One wave of answers, read and checked against the plan. A value a question does not
 * allow is reported and left out, as if blank, so the rest of the wave still counts.
 */
export interface ResultsWave {
    /** The respondents (data rows) read. */
    readonly responses: number;
    /**
     * Per question id of the plan that has a column: one entry per respondent, in row
     * order: the answer's value (scale: the integer; yes-no: 1 or 0; choice: its 1-based
     * position; number: the number; text: 1 when answered), or null for no answer.
     */
    readonly answers: ReadonlyMap<string, readonly (number | null)[]>;
}

export interface ReadResults {
    /** null when the file could not be read as results at all (`results-unreadable`, a header with no known column). */
    readonly wave: ResultsWave | null;
    /** In file order; the caller caps how many it shows. */
    readonly problems: readonly ResultsProblem[];
}

/** A proportion or an NPS with its 95% interval. */
export interface Estimate {
    readonly value: number;
    readonly low: number;
    readonly high: number;
}

export interface QuestionFigures {
    readonly id: string;
    readonly n: number;
    /** On the question's own scale; null without numeric answers. */
    readonly mean: number | null;
    readonly csat: Estimate | null;
    readonly nps: Estimate | null;
}

export type Quadrant = 'concentrate' | 'keep-up' | 'low-priority' | 'overkill';

export interface MomentFigures {
    readonly id: string;
    /** Pooled satisfaction answers about the moment. */
    readonly n: number;
    readonly performance: number | null;
    readonly csat: Estimate | null;
    readonly importance: number | null;
    readonly importanceFrom: 'stated' | 'derived' | null;
    readonly quadrant: Quadrant | null;
}

export interface QualityFigures {
    readonly quality: string;
    readonly satisfaction: number;
    readonly expectation: number;
    readonly gap: number;
}

/** The contract's JSON for one wave (every figure rounded to 4 decimals). */
export interface WaveFigures {
    readonly cycle: string;
    readonly survey: string;
    /** The wave's `results` path, as written. */
    readonly wave: string;
    readonly responses: number;
    readonly questions: readonly QuestionFigures[];
    readonly moments: readonly MomentFigures[];
    readonly qualities: readonly QualityFigures[];
}

export interface MomentChange {
    readonly moment: string;
    /** CSAT in the earlier and the later wave. */
    readonly from: number;
    readonly to: number;
    /** Two-sided p of the pooled two-proportion z-test. */
    readonly p: number;
    readonly significant: boolean;
}

export interface SurveySettings {
    /** `survey.csatTarget` of cycle.config.json (default 0.8). */
    readonly csatTarget: number;
    /** `survey.minResponses` (default 30). */
    readonly minResponses: number;
}

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = { csatTarget: 0.8, minResponses: 30 };

export type ResultsRuleCode =
    | 'critical-moment-failing' | 'moment-below-target' | 'few-responses'
    | 'feels-contradicts-results' | 'priorities-disagree-with-results';

/** What a finding is about, so the caller can place it on the right line. */
export type FindingTarget =
    | { readonly kind: 'moment'; readonly moment: string }
    | { readonly kind: 'feels'; readonly moment: string }
    | { readonly kind: 'question'; readonly question: string }
    | { readonly kind: 'priorities' };

export interface ResultsFinding {
    readonly code: ResultsRuleCode;
    readonly target: FindingTarget;
    /** Names every figure it rests on. */
    readonly message: string;
}

/** One `results` line of a survey, as read. */
export interface WaveResults {
    /** The path as written on the `results` line. */
    readonly path: string;
    readonly read: ReadResults;
    /** null when the file gave no wave. */
    readonly figures: WaveFigures | null;
}

/** Everything known of one survey's results: what the rules, the diagrams and `cycle survey analyse` read. */
export interface SurveyResults {
    readonly plan: SurveyPlan;
    /** In the order of the `results` lines (time order). */
    readonly waves: readonly WaveResults[];
    /** The last wave's figures: the current wave (null when it could not be read). */
    readonly current: WaveFigures | null;
    /** Each moment's CSAT change from the wave before the last to the last (both read); empty otherwise. */
    readonly changes: readonly MomentChange[];
}
