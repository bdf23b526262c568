import { pool, questionsAbout } from './pooling.js';
import { round4 } from './statistics/round.js';
import { twoProportionZTest } from './statistics/two-proportion-z.js';
import type { MomentChange, ResultsWave, SurveyPlan } from './results-types.js';

/** The significance level of a change: a two-sided p below it marks the change. */
export const SIGNIFICANCE = 0.05;

/**
 * Each moment's change in pooled CSAT from one wave to a later one, for the moments
 * with a CSAT in both (in cycle order), with the two-sided pooled two-proportion
 * z-test's p: the chance of a difference at least this large if nothing had changed.
 * `significant` is read on the unrounded p; `from`, `to` and `p` are rounded to 4 decimals.
 */
export function compareWaves(plan: SurveyPlan, earlier: ResultsWave, later: ResultsWave): MomentChange[] {
    const changes: MomentChange[] = [];
    for (const moment of plan.moments) {
        const questions = questionsAbout(plan, 'satisfaction', moment.id);
        const before = pool(questions, earlier);
        const after = pool(questions, later);
        if (before.csatN === 0 || after.csatN === 0) continue;
        const test = twoProportionZTest(before.satisfied, before.csatN, after.satisfied, after.csatN);
        changes.push({
            moment: moment.id,
            from: round4(before.satisfied / before.csatN),
            to: round4(after.satisfied / after.csatN),
            p: round4(test.p),
            significant: test.p < SIGNIFICANCE
        });
    }
    return changes;
}
