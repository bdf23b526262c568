import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { firstTokenRange, lineOf, relatedAt, type Report } from './report.js';

/** What makes a cycle a cycle: a goal, moments, a stage, a survey; facts given once. */
export class StructureValidator {
    checkCycle(cycle: ast.Cycle, report: Report): void {
        const moments = cycle.items.filter(ast.isMoment);
        if (!cycle.items.some(ast.isGoal)) {
            report('missing-goal', `Cycle \`${cycle.name}\` has no goal: add \`goal "…"\` with the customer's single goal, the one thing they came for (e.g. "I want my food hot").`,
                { node: cycle, property: 'name' });
        }
        if (moments.length === 0) {
            report('empty-cycle', `Cycle \`${cycle.name}\` has no moment: list the moments of truth the customer passes through, one \`moment id "…"\` line each, in order.`,
                { node: cycle, property: 'name' });
        } else if (!moments.some(m => m.items.some(ast.isAchievesGoal))) {
            report('goal-never-achieved', `No moment of \`${cycle.name}\` achieves the goal: add \`achieves goal\` under the moment where the customer gets what they came for.`,
                { node: cycle, property: 'name' });
        }
        if (!cycle.items.some(ast.isStage)) {
            report('missing-stage', `Cycle \`${cycle.name}\` has no stage: say where the service is in its life with \`stage introduction|growth|maturity|decline\`.`,
                { node: cycle, property: 'name' });
        }
        if (!cycle.items.some(ast.isSurvey)) {
            report('missing-survey', `Cycle \`${cycle.name}\` has no survey: add a satisfaction survey (\`survey id "…"\`) with one unambiguous question per critical moment.`,
                { node: cycle, property: 'name' });
        }
        reportRepeated(cycle.items, item => {
            if (ast.isCustomer(item)) return 'customer';
            if (ast.isGoal(item)) return 'goal';
            if (ast.isStage(item)) return 'stage';
            if (ast.isPriorities(item)) return 'priorities';
            return undefined;
        }, 'a cycle', report);
    }

    checkMoment(moment: ast.Moment, report: Report): void {
        reportRepeated(moment.items, item => {
            if (ast.isBy(item)) return 'by';
            if (ast.isChannel(item)) return 'channel';
            if (ast.isFeels(item)) return 'feels';
            if (ast.isWait(item)) return `wait ${item.bound}`;
            if (ast.isAchievesGoal(item)) return 'achieves goal';
            if (ast.isCritical(item)) return 'critical';
            return undefined;
        }, 'a moment', report);
    }

    checkCritical(critical: ast.Critical, report: Report): void {
        reportRepeated(critical.items, item => ast.isSeverity(item) ? 'severity' : undefined, 'a critical block', report);
    }

    checkMitigation(mitigation: ast.Mitigation, report: Report): void {
        reportRepeated(mitigation.items, () => 'owner', `a ${mitigation.kind}`, report);
    }

    checkAction(action: ast.Action, report: Report): void {
        reportRepeated(action.items, item => {
            if (ast.isOwner(item)) return 'owner';
            if (ast.isDue(item)) return 'due';
            return undefined;
        }, 'an action', report);
    }

    checkQuestion(question: ast.Question, report: Report): void {
        reportRepeated(question.items, item => {
            if (ast.isAnswer(item)) return 'answer';
            if (ast.isMeasures(item)) return 'measures';
            return undefined;
        }, 'a question', report);
    }

    checkSurvey(survey: ast.Survey, report: Report): void {
        if (survey.items.length === 0) {
            report('empty-survey', `Survey \`${survey.name}\` has no question: add \`question id "…"\` lines under it, at least one per critical moment.`,
                { node: survey, property: 'name' });
        }
    }
}

/** Reports every repetition of a single-valued line after its first occurrence. */
function reportRepeated(items: readonly AstNode[], attributeOf: (item: AstNode) => string | undefined, owner: string, report: Report): void {
    const first = new Map<string, AstNode>();
    for (const item of items) {
        const attribute = attributeOf(item);
        if (!attribute) continue;
        const earlier = first.get(attribute);
        if (earlier) {
            report('duplicate-attribute', `\`${attribute}\` is already given on line ${lineOf(earlier)}: ${owner} has only one; keep the line you mean and delete the other.`, {
                node: item,
                range: firstTokenRange(item),
                relatedInformation: relatedAt(earlier, `first \`${attribute}\``)
            });
        } else {
            first.set(attribute, item);
        }
    }
}
