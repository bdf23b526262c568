/**
 * Every diagnostic code the language reports, with its default severity and what
 * it means. One table, so the validators, `cycle.config.json`, the SARIF rule list
 * and the docs can never disagree.
 */
export type Severity = 'error' | 'warning' | 'info';
export type ConfiguredSeverity = Severity | 'off';

interface RuleInfo {
    readonly severity: Severity;
    readonly summary: string;
}

export const RULES = {
    'syntax-error': { severity: 'error', summary: 'The text does not parse.' },
    'unresolved-reference': { severity: 'error', summary: 'A by, owner, for, meets, covers, about or priority item names nothing visible.' },
    'duplicate-id': { severity: 'error', summary: 'Two elements of one cycle, or two top-level roles or cycles of the workspace, share an id.' },
    'duplicate-attribute': { severity: 'error', summary: 'A single-valued line appears twice.' },
    'missing-goal': { severity: 'error', summary: 'A cycle has no goal.' },
    'empty-cycle': { severity: 'error', summary: 'A cycle has no moment.' },
    'critical-without-risk': { severity: 'error', summary: 'A critical block names no risk.' },
    'unknown-quality': { severity: 'error', summary: 'A quality is not one of the ten components of quality service.' },
    'unknown-channel': { severity: 'error', summary: 'A channel is not one of the known channels.' },
    'feels-out-of-range': { severity: 'error', summary: 'feels is not between 1 and 5.' },
    'wait-target-exceeds-limit': { severity: 'error', summary: 'A wait target is longer than the wait limit.' },
    'invalid-duration': { severity: 'error', summary: 'A wait is negative.' },
    'duplicate-priority': { severity: 'error', summary: 'An area is ranked twice in priorities.' },
    'invalid-scale': { severity: 'error', summary: "A scale's low end is not below its high end." },
    'invalid-date': { severity: 'error', summary: 'A due date does not exist in the calendar.' },
    'results-unreadable': { severity: 'error', summary: 'A survey results file is missing, not UTF-8, or not CSV.' },
    'results-unknown-question': { severity: 'error', summary: 'A column of a results file names no question of the survey.' },
    'answer-out-of-scale': { severity: 'error', summary: "A value in a results file that the question's answer does not allow." },

    'critical-unmitigated': { severity: 'warning', summary: 'A critical moment has no prevent mitigation.' },
    'mitigation-without-owner': { severity: 'warning', summary: 'A prevent or recover has no owner.' },
    'goal-never-achieved': { severity: 'warning', summary: 'No moment says achieves goal.' },
    'no-critical-moment': { severity: 'warning', summary: 'A cycle with moments has none marked critical.' },
    'critical-without-contact': { severity: 'warning', summary: 'A moment with channel none is marked critical.' },
    'critical-not-surveyed': { severity: 'warning', summary: 'A critical moment is the subject of no survey question.' },
    'missing-survey': { severity: 'warning', summary: 'A cycle has no survey.' },
    'empty-survey': { severity: 'warning', summary: 'A survey has no question.' },
    'requirement-without-action': { severity: 'warning', summary: 'No action meets a requirement.' },
    'action-without-owner': { severity: 'warning', summary: 'An action has no owner.' },
    'area-not-prioritized': { severity: 'warning', summary: 'An area is missing from priorities.' },
    'wait-without-limit': { severity: 'warning', summary: 'A moment has a wait target but no wait limit.' },
    'question-without-answer': { severity: 'warning', summary: 'A question has no answer.' },
    'double-barreled-question': { severity: 'warning', summary: 'A question asks about two things at once.' },
    'leading-question': { severity: 'warning', summary: 'A question suggests its answer.' },
    'unknown-ignore-code': { severity: 'warning', summary: 'An ignore comment names a code that no rule has, or one that cannot be silenced.' },
    'duplicate-label': { severity: 'warning', summary: 'Two moments of one cycle have the same label.' },
    'critical-moment-failing': { severity: 'warning', summary: "A critical moment's measured CSAT is clearly below the target: even its upper bound is." },

    'critical-without-recovery': { severity: 'info', summary: 'A critical moment has no recover mitigation.' },
    'quality-unaddressed': { severity: 'info', summary: 'Some of the ten components of quality service are addressed by no moment.' },
    'too-many-critical': { severity: 'info', summary: 'More than half of the moments are critical.' },
    'missing-stage': { severity: 'info', summary: 'A cycle has no stage.' },
    'decline-without-action': { severity: 'info', summary: 'A cycle in decline has no action.' },
    'unused-role': { severity: 'info', summary: 'A role is never used by by or owner.' },
    'area-without-reason': { severity: 'info', summary: 'An area has no because.' },
    'moment-below-target': { severity: 'info', summary: "A moment's measured CSAT is below the target." },
    'few-responses': { severity: 'info', summary: 'A question has fewer answers than minResponses in the current wave.' },
    'feels-contradicts-results': { severity: 'info', summary: 'feels differs by 2 or more from the measured performance on 1..5.' },
    'priorities-disagree-with-results': { severity: 'info', summary: 'The first priority area covers no concentrate moment while another area does.' }
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;

export const RULE_CODES = Object.keys(RULES) as RuleCode[];

export function isRuleCode(code: unknown): code is RuleCode {
    return typeof code === 'string' && Object.hasOwn(RULES, code);
}

/**
 * `syntax-error` is always an error: `fmt`, `render` and `export` refuse a file that
 * does not parse, so `check` must never pass one, whatever a config or a comment says.
 */
export function canBeSilenced(code: RuleCode): boolean {
    return code !== 'syntax-error';
}
