import type { PlannedAnswer } from './results-types.js';

/**
 * How one answer counts in the pooled figures. Only scale and yes-no answers are
 * scores: a number (minutes waited), a choice or a text says nothing about how
 * satisfied someone was, so they stay out of performance, CSAT, importance and gaps
 * even on a question that `measures satisfaction` (the default).
 */

/** True when the answer format gives scores: a scale with at least two points, or yes-no. */
export function isScored(answer: PlannedAnswer | null): answer is PlannedAnswer & ({ kind: 'yes-no' } | { kind: 'scale' }) {
    return answer !== null && (answer.kind === 'yes-no' || (answer.kind === 'scale' && answer.high > answer.low));
}

/**
 * The normalised score of an answer, in 0..1: (x − L) / (H − L) on `scale L..H`;
 * 1 for yes and 0 for no. Only for scored answers (see `isScored`).
 */
export function normalisedScore(answer: PlannedAnswer, value: number): number {
    return answer.kind === 'scale' ? (value - answer.low) / (answer.high - answer.low) : value;
}

/** True when the format has a CSAT: a scale of 5 points or more, or yes-no. */
export function hasCsat(answer: PlannedAnswer | null): boolean {
    return answer !== null && (answer.kind === 'yes-no' || (answer.kind === 'scale' && answer.high - answer.low + 1 >= 5));
}

/** Whether an answer counts as satisfied for CSAT: one of the top two points (H or H − 1), or yes. */
export function isTopBox(answer: PlannedAnswer, value: number): boolean {
    return answer.kind === 'scale' ? value >= answer.high - 1 : value === 1;
}
