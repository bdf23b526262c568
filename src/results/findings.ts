import { count } from './problems.js';
import type { Estimate, MomentFigures, ResultsFinding, SurveyPlan, SurveySettings, WaveFigures } from './results-types.js';

/**
 * The rules that read a wave's figures (the current wave: the caller passes it).
 * Each message is a full sentence naming every figure the finding rests on, so a
 * reader can check it without opening the results file.
 *
 * - critical-moment-failing: a critical moment whose CSAT upper bound is below the
 *   target: even the most favourable reading of the answers misses it.
 * - moment-below-target: a moment whose CSAT point estimate is below the target; not
 *   given for a moment that is already critical-moment-failing (the warning says more).
 * - few-responses: a question with fewer answers than `minResponses`, every question
 *   of the survey, those without a column too: a question nobody answered is the
 *   extreme case of too few answers, not an exception to it.
 * - feels-contradicts-results: `feels` and the measured performance mapped to 1..5
 *   (1 + 4 × performance, rounded) differ by 2 or more.
 * - priorities-disagree-with-results: the first priority area covers no `concentrate`
 *   moment while another area does.
 */
export function resultsFindings(plan: SurveyPlan, figures: WaveFigures, settings: SurveySettings): ResultsFinding[] {
    const findings: ResultsFinding[] = [];
    const target = settings.csatTarget;
    const momentFigures = new Map(figures.moments.map(m => [m.id, m]));
    for (const moment of plan.moments) {
        const measured = momentFigures.get(moment.id);
        if (!measured) continue;
        const csat = measured.csat;
        if (csat && moment.critical && csat.high < target) {
            findings.push({
                code: 'critical-moment-failing',
                target: { kind: 'moment', moment: moment.id },
                message: `${csatSentence(moment.id, csat, measured.n, figures.wave)}, below the ${percent(target)} target even at its upper bound: this critical moment is clearly failing.`
            });
        } else if (csat && csat.value < target) {
            findings.push({
                code: 'moment-below-target',
                target: { kind: 'moment', moment: moment.id },
                message: `${csatSentence(moment.id, csat, measured.n, figures.wave)}, below the ${percent(target)} target.`
            });
        }
        if (moment.feels !== null && measured.performance !== null) {
            const mapped = Math.round(1 + 4 * measured.performance);
            if (Math.abs(moment.feels - mapped) >= 2) {
                findings.push({
                    code: 'feels-contradicts-results',
                    target: { kind: 'feels', moment: moment.id },
                    message: `${moment.id} is designed to feel ${moment.feels} (on 1..5), but its measured performance of ${measured.performance} ` +
                        `(n = ${count(measured.n)}, in ${figures.wave}) maps to ${mapped} (1 + 4 × ${measured.performance}, rounded): ` +
                        `the design and the answers are ${Math.abs(moment.feels - mapped)} points apart.`
                });
            }
        }
    }
    for (const question of figures.questions) {
        if (question.n >= settings.minResponses) continue;
        findings.push({
            code: 'few-responses',
            target: { kind: 'question', question: question.id },
            message: `Question ${question.id} has ${question.n === 0 ? 'no answers' : `${count(question.n)} ${question.n === 1 ? 'answer' : 'answers'}`} in ${figures.wave}, ` +
                `fewer than the ${count(settings.minResponses)} that minResponses asks for: its figures are too uncertain to act on.`
        });
    }
    const priorities = prioritiesFinding(plan, momentFigures);
    if (priorities) findings.push(priorities);
    return findings;
}

/** "CSAT of told-take-number is 42% (95% CI 35%–50%, n = 150, in q1.csv)". */
function csatSentence(moment: string, csat: Estimate, n: number, wave: string): string {
    return `CSAT of ${moment} is ${percent(csat.value)} (95% CI ${percent(csat.low)}–${percent(csat.high)}, n = ${count(n)}, in ${wave})`;
}

/** 0.4233 → "42.3%": one decimal, enough to tell a figure from the target it misses. */
export function percent(x: number): string {
    return `${Math.round(x * 1000) / 10}%`;
}

function prioritiesFinding(plan: SurveyPlan, moments: ReadonlyMap<string, MomentFigures>): ResultsFinding | null {
    const firstId = plan.priorities[0];
    const first = plan.areas.find(a => a.id === firstId);
    if (!first) return null;
    const concentrate = (area: { covers: readonly string[] }) =>
        area.covers.map(id => moments.get(id)).filter((m): m is MomentFigures => m?.quadrant === 'concentrate');
    if (concentrate(first).length > 0) return null;
    const others = plan.areas
        .filter(a => a.id !== first.id)
        .map(area => ({ area: area.id, moments: concentrate(area) }))
        .filter(a => a.moments.length > 0);
    if (others.length === 0) return null;
    const described = others.map(o => `${o.area} covers ${o.moments.map(describeMoment).join(' and ')}`).join('; ');
    return {
        code: 'priorities-disagree-with-results',
        target: { kind: 'priorities' },
        message: `The first priority, ${first.id}, covers no moment in the concentrate quadrant (importance at or above the mean, performance below it), ` +
            `while ${described}: the answers point to ${others.map(o => o.area).join(' or ')} first.`
    };
}

/** "told-take-number (importance 0.62 derived, performance 0.31)". */
function describeMoment(moment: MomentFigures): string {
    return `${moment.id} (importance ${moment.importance} ${moment.importanceFrom}, performance ${moment.performance})`;
}
