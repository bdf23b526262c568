import { pool, questionsAbout, questionsOfQuality, respondentMeans } from './pooling.js';
import { hasCsat, isTopBox } from './scores.js';
import { mean } from './statistics/mean.js';
import { netPromoterScore } from './statistics/nps.js';
import { pearson } from './statistics/pearson.js';
import { round4 } from './statistics/round.js';
import { wilsonInterval, type Interval } from './statistics/wilson.js';
import type {
    Estimate, MomentFigures, PlannedQuestion, Quadrant, QualityFigures, QuestionFigures, ResultsWave, SurveyPlan, WaveFigures
} from './results-types.js';

/** Respondents who must have answered both sides before a derived importance (Pearson's r) is given. */
export const MIN_PAIRS_FOR_DERIVED_IMPORTANCE = 10;

/**
 * The figures of one wave: per question, per moment (with importance and its
 * quadrant) and per quality component, as the contract's JSON gives them, every
 * figure rounded to 4 decimals. Every question and every moment of the plan is
 * listed, in plan order, those without answers with n = 0 and null figures, so a
 * reader never has to wonder whether one was forgotten.
 */
export function computeFigures(plan: SurveyPlan, wave: ResultsWave, path: string): WaveFigures {
    const questions = plan.questions.map(q => questionFigures(q, wave));
    // Each respondent's normalised `overall` answer, worked out once for every moment's derived importance.
    let overall: (number | null)[] | undefined;
    const overallOf = () => overall ??= respondentMeans(plan.questions.filter(q => q.measures === 'overall'), wave);
    const moments = withQuadrants(plan.moments.map(m => momentFigures(plan, wave, m.id, overallOf)));
    return { cycle: plan.cycle, survey: plan.survey, wave: path, responses: wave.responses, questions, moments, qualities: qualityFigures(plan, wave) };
}

function estimate(interval: Interval): Estimate {
    return { value: round4(interval.value), low: round4(interval.low), high: round4(interval.high) };
}

/**
 * n: the non-blank answers. mean: on the question's own scale (yes-no: the share of
 * yes; a choice has no mean: its positions are no quantity). csat: the share of
 * top-two-box answers on scales of 5+ points, of yes on yes-no, whatever the question
 * measures. nps: for `measures recommend` on `scale 0..10`.
 */
function questionFigures(question: PlannedQuestion, wave: ResultsWave): QuestionFigures {
    const values = wave.answers.get(question.id) ?? [];
    const answer = question.answer;
    const csatKind = hasCsat(answer);
    const npsKind = question.measures === 'recommend' && answer?.kind === 'scale' && answer.low === 0 && answer.high === 10;
    // One pass over a column that may hold 100,000 answers.
    let n = 0, sum = 0, top = 0, promoters = 0, detractors = 0;
    for (const value of values) {
        if (value === null) continue;
        n++;
        sum += value;
        if (csatKind && isTopBox(answer!, value)) top++;
        if (value >= 9) promoters++;
        else if (value <= 6) detractors++;
    }
    const numeric = answer !== null && (answer.kind === 'scale' || answer.kind === 'yes-no' || answer.kind === 'number');
    return {
        id: question.id,
        n,
        mean: numeric && n > 0 ? round4(sum / n) : null,
        csat: csatKind && n > 0 ? estimate(wilsonInterval(top, n)) : null,
        nps: npsKind && n > 0 ? estimate(netPromoterScore(promoters, detractors, n)) : null
    };
}

/**
 * A moment's pooled satisfaction (performance and CSAT) and its importance: stated
 * (the mean normalised answer to `importance` questions about it) or else derived
 * (Pearson's r between each respondent's mean normalised satisfaction with the moment
 * and their normalised `overall` answer, over respondents with both, at least 10).
 */
function momentFigures(plan: SurveyPlan, wave: ResultsWave, moment: string, overallOf: () => readonly (number | null)[]): MomentFigures {
    const satisfactionQuestions = questionsAbout(plan, 'satisfaction', moment);
    const satisfaction = pool(satisfactionQuestions, wave);
    const performance = satisfaction.n > 0 ? satisfaction.scoreSum / satisfaction.n : null;
    const csat = satisfaction.csatN > 0 ? estimate(wilsonInterval(satisfaction.satisfied, satisfaction.csatN)) : null;

    let importance: number | null = null;
    let importanceFrom: MomentFigures['importanceFrom'] = null;
    const stated = pool(questionsAbout(plan, 'importance', moment), wave);
    if (stated.n > 0) {
        importance = stated.scoreSum / stated.n;
        importanceFrom = 'stated';
    } else if (satisfaction.n > 0) {
        const derived = derivedImportance(wave, satisfactionQuestions, overallOf());
        if (derived !== null) {
            importance = derived;
            importanceFrom = 'derived';
        }
    }
    return {
        id: moment,
        n: satisfaction.n,
        performance: performance === null ? null : round4(performance),
        csat,
        importance: importance === null ? null : round4(importance),
        importanceFrom,
        quadrant: null
    };
}

/** Pearson's r between the moment's per-respondent satisfaction and the normalised `overall` answer; null below 10 pairs. */
function derivedImportance(wave: ResultsWave, satisfactionQuestions: readonly PlannedQuestion[], overall: readonly (number | null)[]): number | null {
    const moment = respondentMeans(satisfactionQuestions, wave);
    // Typed arrays filled in place: a wave may hold 100,000 respondents.
    const xs = new Float64Array(wave.responses);
    const ys = new Float64Array(wave.responses);
    let pairs = 0;
    for (let i = 0; i < wave.responses; i++) {
        const x = moment[i];
        const y = overall[i];
        if (x !== null && y !== null) {
            xs[pairs] = x;
            ys[pairs] = y;
            pairs++;
        }
    }
    return pairs >= MIN_PAIRS_FOR_DERIVED_IMPORTANCE ? pearson(xs.subarray(0, pairs), ys.subarray(0, pairs)) : null;
}

/**
 * Importance–performance quadrants over the moments with both figures, the
 * cross-hairs at their means. Read on the rounded figures the JSON shows (with a
 * hair's tolerance for the means' own rounding), so a reader who checks the
 * quadrant against the printed numbers agrees with it.
 */
function withQuadrants(moments: MomentFigures[]): MomentFigures[] {
    const placed = moments.filter(m => m.importance !== null && m.performance !== null);
    if (placed.length === 0) return moments;
    const importanceMean = mean(placed.map(m => m.importance!))!;
    const performanceMean = mean(placed.map(m => m.performance!))!;
    return moments.map(m => m.importance === null || m.performance === null
        ? m
        : { ...m, quadrant: quadrantOf(m.importance, m.performance, importanceMean, performanceMean) });
}

const TOLERANCE = 1e-9;

/** importance ≥ mean and performance < mean: concentrate; ≥, ≥: keep-up; <, <: low-priority; <, ≥: overkill. */
export function quadrantOf(importance: number, performance: number, importanceMean: number, performanceMean: number): Quadrant {
    const important = importance >= importanceMean - TOLERANCE;
    const performing = performance >= performanceMean - TOLERANCE;
    if (important) return performing ? 'keep-up' : 'concentrate';
    return performing ? 'overkill' : 'low-priority';
}

/**
 * SERVQUAL gap per quality component: pooled normalised satisfaction minus pooled
 * normalised expectation over the questions measuring that component (their own
 * `quality` lines, or their moments'), only where both were answered. In the order
 * the components first appear among the survey's questions.
 */
function qualityFigures(plan: SurveyPlan, wave: ResultsWave): QualityFigures[] {
    const qualities = [...new Set(plan.questions.flatMap(q => q.qualities))];
    const figures: QualityFigures[] = [];
    for (const quality of qualities) {
        const satisfaction = pool(questionsOfQuality(plan, 'satisfaction', quality), wave);
        const expectation = pool(questionsOfQuality(plan, 'expectation', quality), wave);
        if (satisfaction.n === 0 || expectation.n === 0) continue;
        const s = round4(satisfaction.scoreSum / satisfaction.n);
        const e = round4(expectation.scoreSum / expectation.n);
        // The gap of the figures printed beside it, so that S − E checks out to the last decimal.
        figures.push({ quality, satisfaction: s, expectation: e, gap: round4(s - e) });
    }
    return figures;
}
