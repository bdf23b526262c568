import * as ast from '../generated/ast.js';
import { lineOf, relatedAt, type Report } from './report.js';

/** Steps 2–4 of the method: requirements met by actions, owned actions, ranked areas. */
export class ImprovementValidator {
    checkCycle(cycle: ast.Cycle, report: Report): void {
        const actions = cycle.items.filter(ast.isAction);
        const met = new Set<ast.Requirement>();
        for (const action of actions) {
            for (const meets of action.items.filter(ast.isMeets)) {
                if (meets.requirement?.ref) met.add(meets.requirement?.ref);
            }
        }
        for (const requirement of cycle.items.filter(ast.isRequirement)) {
            if (!met.has(requirement)) {
                report('requirement-without-action', `No action meets requirement \`${requirement.name}\`: add an action with \`meets ${requirement.name}\` to the action plan, or drop the requirement.`,
                    { node: requirement, property: 'name' });
            }
        }
        const ranked = new Set<ast.Area>();
        for (const priorities of cycle.items.filter(ast.isPriorities)) {
            for (const item of priorities.items) {
                if (item.area?.ref) ranked.add(item.area?.ref);
            }
        }
        for (const area of cycle.items.filter(ast.isArea)) {
            if (!ranked.has(area)) {
                report('area-not-prioritized', `Area \`${area.name}\` is not ranked: add \`- ${area.name}\` to \`priorities\`, in the place its urgency deserves.`,
                    { node: area, property: 'name' });
            }
        }
        const stage = cycle.items.find(ast.isStage);
        if (stage?.value === 'decline' && actions.length === 0) {
            report('decline-without-action', `Cycle \`${cycle.name}\` is in decline and has no action: a declining service must be redesigned or retired; plan it with \`action id "…"\`.`,
                { node: cycle, property: 'name' });
        }
    }

    checkAction(action: ast.Action, report: Report): void {
        if (!action.items.some(ast.isOwner)) {
            report('action-without-owner', `Action \`${action.name}\` has no owner: add an indented \`owner role-id\` line so someone carries it out.`,
                { node: action, property: 'name' });
        }
    }

    checkArea(area: ast.Area, report: Report): void {
        if (!area.items.some(ast.isBecause)) {
            report('area-without-reason', `Area \`${area.name}\` gives no reason: add \`because importance\` or \`because deterioration\` to say why it needs attention.`,
                { node: area, property: 'name' });
        }
    }

    checkPriorities(priorities: ast.Priorities, report: Report): void {
        const first = new Map<string, ast.PriorityItem>();
        for (const item of priorities.items) {
            const name = item.area?.$refText;
            if (!name) continue;
            const earlier = first.get(name);
            if (earlier) {
                report('duplicate-priority', `\`${name}\` is already ranked on line ${lineOf(earlier)}: an area has one rank; delete one of the two lines.`,
                    { node: item, property: 'area', relatedInformation: relatedAt(earlier, `first rank of \`${name}\``) });
            } else {
                first.set(name, item);
            }
        }
    }
}
