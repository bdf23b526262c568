import type { Measure, PlannedAnswer, PlannedArea, PlannedMoment, PlannedQuestion, SurveyPlan } from '../../src/results/index.js';

/** Small survey plans for the results tests, written out as a caller would build them. */

export const scale = (low: number, high: number): PlannedAnswer => ({ kind: 'scale', low, high });
export const yesNo: PlannedAnswer = { kind: 'yes-no' };
export const number: PlannedAnswer = { kind: 'number' };
export const text: PlannedAnswer = { kind: 'text' };
export const choice = (...options: string[]): PlannedAnswer => ({ kind: 'choice', options });

export function question(id: string, answer: PlannedAnswer | null, options: { measures?: Measure; about?: string[]; qualities?: string[] } = {}): PlannedQuestion {
    return { id, answer, measures: options.measures ?? 'satisfaction', about: options.about ?? [], qualities: options.qualities ?? [] };
}

export function moment(id: string, options: { critical?: boolean; feels?: number } = {}): PlannedMoment {
    return { id, critical: options.critical ?? false, feels: options.feels ?? null };
}

export function plan(questions: PlannedQuestion[], extra: { moments?: PlannedMoment[]; areas?: PlannedArea[]; priorities?: string[] } = {}): SurveyPlan {
    return { cycle: 'bank', survey: 'exit', questions, moments: extra.moments ?? [], areas: extra.areas ?? [], priorities: extra.priorities ?? [] };
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Lines joined by `\n`, with a final line break as spreadsheets write it. */
export const csv = (...lines: string[]): Uint8Array => utf8(lines.join('\n') + '\n');
