import { hasCsat, isScored, isTopBox, normalisedScore } from './scores.js';
import type { Measure, PlannedQuestion, ResultsWave, SurveyPlan } from './results-types.js';

/**
 * Pooled figures pool the answers themselves, not the questions' means: a moment
 * asked about by a question of 150 answers and one of 20 weighs each answer once.
 */
export interface Pool {
    /** Scored answers pooled, and the sum of their normalised scores. */
    readonly n: number;
    readonly scoreSum: number;
    /** Answers with a CSAT (5+-point scales and yes-no), and how many of them are top-two-box or yes. */
    readonly csatN: number;
    readonly satisfied: number;
}

/** The scored questions that measure `measure` and are about `moment`. */
export function questionsAbout(plan: SurveyPlan, measure: Measure, moment: string): PlannedQuestion[] {
    return plan.questions.filter(q => q.measures === measure && isScored(q.answer) && q.about.includes(moment));
}

/** The scored questions that measure `measure` and measure the quality component `quality` (directly or through their moments). */
export function questionsOfQuality(plan: SurveyPlan, measure: Measure, quality: string): PlannedQuestion[] {
    return plan.questions.filter(q => q.measures === measure && isScored(q.answer) && q.qualities.includes(quality));
}

export function pool(questions: readonly PlannedQuestion[], wave: ResultsWave): Pool {
    let n = 0, scoreSum = 0, csatN = 0, satisfied = 0;
    for (const question of questions) {
        const answer = question.answer;
        const values = wave.answers.get(question.id);
        if (!answer || !isScored(answer) || !values) continue;
        const csat = hasCsat(answer);
        for (const value of values) {
            if (value === null) continue;
            n++;
            scoreSum += normalisedScore(answer, value);
            if (csat) {
                csatN++;
                if (isTopBox(answer, value)) satisfied++;
            }
        }
    }
    return { n, scoreSum, csatN, satisfied };
}

/**
 * Each respondent's mean normalised score over the given scored questions (those
 * they answered), in row order; null for a respondent who answered none of them.
 */
export function respondentMeans(questions: readonly PlannedQuestion[], wave: ResultsWave): (number | null)[] {
    const sums = new Float64Array(wave.responses);
    const counts = new Uint32Array(wave.responses);
    for (const question of questions) {
        const answer = question.answer;
        const values = wave.answers.get(question.id);
        if (!answer || !isScored(answer) || !values) continue;
        for (let i = 0; i < values.length && i < wave.responses; i++) {
            const value = values[i];
            if (value === null) continue;
            sums[i] += normalisedScore(answer, value);
            counts[i]++;
        }
    }
    const means = new Array<number | null>(wave.responses);
    for (let i = 0; i < wave.responses; i++) means[i] = counts[i] > 0 ? sums[i] / counts[i] : null;
    return means;
}
