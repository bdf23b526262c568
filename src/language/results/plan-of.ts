import * as ast from '../generated/ast.js';
import type { Measure, PlannedAnswer, PlannedQuestion, SurveyPlan } from '../../results/results-types.js';

/**
 * The survey-results core's view of one survey, taken from the syntax tree: its
 * questions (answer, what they measure, the moments they are about and the quality
 * components they measure) and the parts of the cycle the figures and rules read.
 * Pure: a question's `about` counts only when it resolves to a moment of this cycle;
 * a question without `quality` lines inherits those of the moments it is about.
 */
export function planOf(cycle: ast.Cycle, survey: ast.Survey): SurveyPlan {
    const moments = cycle.items.filter(ast.isMoment);
    const ownMoments = new Set<ast.Moment>(moments);
    const qualitiesOf = (moment: ast.Moment): string[] => moment.items.filter(ast.isQuality).map(q => q.value).filter(isText);
    const questions: PlannedQuestion[] = survey.items.filter(q => isText(q.name)).map(question => {
        const about = question.items.filter(ast.isAbout).map(a => a.moment?.ref).filter((m): m is ast.Moment => m !== undefined && ownMoments.has(m));
        const own = question.items.filter(ast.isQuality).map(q => q.value).filter(isText);
        const qualities = own.length > 0 ? own : about.flatMap(qualitiesOf);
        const measures = question.items.find(ast.isMeasures)?.value;
        return {
            id: question.name,
            answer: plannedAnswer(question.items.find(ast.isAnswer)?.format),
            measures: (measures ?? 'satisfaction') as Measure,
            about: unique(about.map(m => m.name).filter(isText)),
            qualities: unique(qualities)
        };
    });
    return {
        cycle: cycle.name ?? '',
        survey: survey.name ?? '',
        questions,
        moments: moments.filter(m => isText(m.name)).map(moment => {
            const feels = moment.items.find(ast.isFeels)?.value;
            return {
                id: moment.name,
                critical: moment.items.some(ast.isCritical),
                feels: typeof feels === 'number' && feels >= 1 && feels <= 5 ? feels : null
            };
        }),
        areas: cycle.items.filter(ast.isArea).filter(a => isText(a.name)).map(area => ({
            id: area.name,
            covers: unique(area.items.filter(ast.isCovers).map(c => c.moment?.ref).filter((m): m is ast.Moment => m !== undefined && ownMoments.has(m)).map(m => m.name))
        })),
        priorities: unique(cycle.items.filter(ast.isPriorities).flatMap(p => p.items.map(item => item.area?.ref?.name)).filter(isText))
    };
}

function plannedAnswer(format: ast.AnswerFormat | undefined): PlannedAnswer | null {
    if (!format) return null;
    if (ast.isYesNoAnswer(format)) return { kind: 'yes-no' };
    if (ast.isScaleAnswer(format)) {
        // `answer scale` still being typed, or an inverted scale (invalid-scale): no scale to read against.
        if (format.low === undefined || format.high === undefined || format.low >= format.high) return { kind: 'text' };
        return { kind: 'scale', low: format.low, high: format.high };
    }
    if (ast.isNumberAnswer(format)) return { kind: 'number' };
    if (ast.isChoiceAnswer(format)) return { kind: 'choice', options: format.options.filter(isText) };
    return { kind: 'text' };
}

function isText(value: string | undefined): value is string {
    return typeof value === 'string' && value.length > 0;
}

function unique<T>(values: readonly T[]): T[] {
    return [...new Set(values)];
}
