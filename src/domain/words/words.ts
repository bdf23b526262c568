/**
 * The words a diagram draws around the labels (GOAL, the legend, lane names, the
 * plan's headings…), in each language a cycle may be written in. Pure data: the
 * diagrams, the report and the form pick one set by the cycle's language.
 */

export type LanguageCode = 'en' | 'ru' | 'id' | 'zh';
export const LANGUAGE_CODES: readonly LanguageCode[] = ['en', 'ru', 'id', 'zh'];

export function isLanguageCode(value: string): value is LanguageCode {
    return (LANGUAGE_CODES as readonly string[]).includes(value);
}

/** A time unit by its length, whatever spelling the file used. */
export type UnitKind = 'sec' | 'min' | 'hour' | 'day' | 'week';

export interface Words {
    /** The caption over the goal in the clock's centre. */
    goal: string;
    noGoal: string;
    noMoments: string;
    /** `15 moments · 3 critical · 1 unmitigated`. */
    stats(moments: number, critical: number, unmitigated: number): string;
    stage: string;
    stages: Record<'introduction' | 'growth' | 'maturity' | 'decline', string>;
    /** Legend entries. */
    moment: string;
    critical: string;
    failPoint: string;
    unmitigated: string;
    noContact: string;
    achievesGoal: string;
    notRated: string;
    notRatedRow: string;
    /** The tag on an unmitigated critical moment's label. */
    noPrevention: string;
    /** The callouts (`--detail`) and the blueprint's fail points. */
    risk: string;
    prevent: string;
    recover: string;
    noOwner: string;
    severity: Record<'low' | 'medium' | 'high', string>;
    /** Waits as time standards. */
    waitRange(low: string, high: string): string;
    waitTarget(amount: string): string;
    waitLimit(amount: string): string;
    unit(kind: UnitKind, amount: number): string;
    /** The journey's scale, 1 to 5. */
    feels: readonly [string, string, string, string, string];
    /** Blueprint lanes and lines. */
    lanes: { evidence: string; action: string; frontstage: string; backstage: string; support: string; noRole: string };
    lineOfInteraction: string;
    lineOfVisibility: string;
    lineOfInternalInteraction: string;
    channels: Record<string, string>;
    /** View titles. */
    titles: { clock: string; blueprint: string; journey: string; plan: string; ipa: string };
    /** The plan view. */
    plan: {
        requirements: string; actions: string; areas: string; owner: string; due: string; overdue: string;
        noDue: string; forMoments: string; from: string; unmet: string; covers: string; notRanked: string;
        because: Record<'importance' | 'deterioration', string>; nothing: string; today: string;
    };
    /** `cycle report`: the document for stakeholders. */
    report: ReportWords;
    /** Survey results drawn on the diagrams (`--results`, the preview) and the `ipa` view. */
    results: ResultsWords;
    /** The visual diff (`cycle render --diff`, Compare with HEAD): its legend and marks. */
    diff: DiffWords;
}

/** The words of survey results on a diagram. Percentages come in already written ("42%"). */
export interface ResultsWords {
    /** A moment's measured figure: `CSAT 42% n=150`. */
    csat(percent: string, n: number): string;
    /** After the figure: where it stands against the target. */
    onTarget: string;
    belowTarget: string;
    /** The tag on a critical moment whose CSAT upper bound is below the target. */
    failing(target: string): string;
    /** Legend keys. */
    keyOnTarget(target: string): string;
    keyBelowTarget(target: string): string;
    keyFailing: string;
    /** The journey's two curves. */
    designed: string;
    measured: string;
    /** The ipa view's axes, cross-hairs and quadrants. */
    performance: string;
    importance: string;
    means: string;
    quadrants: { concentrate: string; 'keep-up': string; 'low-priority': string; overkill: string };
    /** Moments measured but with no importance figure, so not on the scatter. */
    notPlaced: string;
    /** The ipa view without results. */
    noResults: string;
    /** The ipa view with results but no moment that has both figures. */
    nothingToPlace: string;
}

/** The visual diff's words: the legend's counts, the critical key, a removed moment's old step, the title. */
export interface DiffWords {
    added(count: number): string;
    removed(count: number): string;
    changed(count: number): string;
    moved(count: number): string;
    /** The key to a touched critical moment: its centre stays red. */
    criticalCentre: string;
    /** Where a removed moment's step was: `was 4`. */
    was(step: string): string;
    /** After the diagram's title: `Cashing a check — changes`. */
    changes: string;
}

/** The report's headings and fixed words. */
export interface ReportWords {
    /** The document's kind, under the cycle's name. */
    kind: string;
    glance: string;
    customer: string;
    goal: string;
    counts: { moments: string; critical: string; unmitigated: string };
    criticalMoments: string;
    noCritical: string;
    step(step: number): string;
    phase: string;
    by: string;
    channel: string;
    severity: string;
    risks: string;
    prevent: string;
    recover: string;
    /** The warning on a critical moment with nothing to prevent its failure. */
    noPreventionWarning: string;
    nothingListed: string;
    blueprint: string;
    plan: string;
    survey: string;
    noSurvey: string;
    about: string;
    answers: { 'yes-no': string; scale: string; number: string; text: string; choice: string; none: string };
    findings: string;
    noFindings: string;
    findingSeverity: Record<'error' | 'warning' | 'info', string>;
    line: string;
    /** The closing line: the date the report was made and from which file. */
    madeOn(date: string, file: string): string;
}

function plural(amount: number, one: string, many: string): string {
    return amount === 1 ? one : many;
}

export const ENGLISH: Words = {
    goal: 'GOAL',
    noGoal: 'No goal yet',
    noMoments: 'No moments yet',
    stats: (m, c, u) => `${m} ${plural(m, 'moment', 'moments')} · ${c} critical · ${u} unmitigated`,
    stage: 'stage',
    stages: { introduction: 'introduction', growth: 'growth', maturity: 'maturity', decline: 'decline' },
    moment: 'moment',
    critical: 'critical',
    failPoint: 'fail point',
    unmitigated: 'unmitigated',
    noContact: 'no contact',
    achievesGoal: 'achieves the goal',
    notRated: 'not rated (no feels)',
    notRatedRow: 'not rated',
    noPrevention: 'no prevention',
    risk: 'risk',
    prevent: 'prevent',
    recover: 'recover',
    noOwner: 'no owner',
    severity: { low: 'low', medium: 'medium', high: 'high' },
    waitRange: (low, high) => `wait ${low}–${high}`,
    waitTarget: amount => `wait target ${amount}`,
    waitLimit: amount => `wait at most ${amount}`,
    unit: (kind, n) => ({ sec: 'sec', min: 'min', hour: plural(n, 'hour', 'hours'), day: plural(n, 'day', 'days'), week: plural(n, 'week', 'weeks') })[kind],
    feels: ['very bad', 'bad', 'neutral', 'good', 'very good'],
    lanes: { evidence: 'Physical evidence', action: 'Customer actions', frontstage: 'Frontstage', backstage: 'Backstage', support: 'Support processes', noRole: 'no role' },
    lineOfInteraction: 'line of interaction',
    lineOfVisibility: 'line of visibility',
    lineOfInternalInteraction: 'line of internal interaction',
    channels: {
        'in-person': 'in person', phone: 'phone', correspondence: 'correspondence', web: 'web', app: 'app',
        chat: 'chat', facility: 'facility', product: 'product', none: 'no contact'
    },
    titles: { clock: 'cycle of service', blueprint: 'service blueprint', journey: 'customer journey', plan: 'improvement plan', ipa: 'importance and performance' },
    plan: {
        requirements: 'Requirements → actions', actions: 'Actions', areas: 'Priority areas', owner: 'owner', due: 'due', overdue: 'OVERDUE',
        noDue: 'no due date', forMoments: 'for', from: 'from', unmet: 'no action meets it', covers: 'covers', notRanked: 'not ranked',
        because: { importance: 'importance', deterioration: 'deterioration' }, nothing: 'Nothing planned yet', today: 'as of'
    },
    report: {
        kind: 'Service cycle report', glance: 'The cycle at a glance', customer: 'Customer', goal: 'Goal',
        counts: { moments: 'moments of truth', critical: 'critical moments', unmitigated: 'critical with no prevention' },
        criticalMoments: 'Critical moments', noCritical: 'No moment is marked critical.', step: n => `Moment ${n}`,
        phase: 'Phase', by: 'Met by', channel: 'Channel', severity: 'Severity', risks: 'Risks', prevent: 'Prevent', recover: 'Recover',
        noPreventionWarning: 'No prevention: nothing stops this moment failing.', nothingListed: 'none',
        blueprint: 'Service blueprint', plan: 'Improvement plan', survey: 'Survey questions', noSurvey: 'No survey yet.', about: 'about',
        answers: { 'yes-no': 'yes / no', scale: 'scale', number: 'number', text: 'free text', choice: 'one of', none: 'no answer format' },
        findings: 'Open findings of cycle check', noFindings: 'cycle check finds nothing to fix.',
        findingSeverity: { error: 'error', warning: 'warning', info: 'note' }, line: 'line',
        madeOn: (date, file) => `Made on ${date} from ${file} with cycle report.`
    },
    results: {
        csat: (percent, n) => `CSAT ${percent} n=${n}`,
        onTarget: 'on target', belowTarget: 'below target',
        failing: target => `FAILING: below ${target}`,
        keyOnTarget: target => `CSAT ≥ ${target}`, keyBelowTarget: target => `CSAT < ${target}`,
        keyFailing: 'critical, clearly failing',
        designed: 'designed (feels)', measured: 'measured (1 + 4 × performance)',
        performance: 'performance (measured satisfaction)', importance: 'importance', means: 'means',
        quadrants: { concentrate: 'Concentrate here', 'keep-up': 'Keep up the good work', 'low-priority': 'Low priority', overkill: 'Possible overkill' },
        notPlaced: 'Measured, importance unknown',
        noResults: 'No survey results: add a results line to the survey and its answers file.',
        nothingToPlace: 'No moment has both a measured performance and an importance yet.'
    },
    diff: {
        added: n => `${n} added`, removed: n => `${n} removed`, changed: n => `${n} changed`, moved: n => `${n} moved`,
        criticalCentre: 'red centre: critical', was: step => `was ${step}`, changes: 'changes'
    }
};
