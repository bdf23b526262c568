import * as ast from '../generated/ast.js';
import { firstTokenRange, type Report } from './report.js';

/**
 * too-many-critical needs a cycle of at least this many moments: in a sketch of two
 * or three moments a critical majority is normal and the ratio says nothing.
 */
const TOO_MANY_CRITICAL_MIN_MOMENTS = 4;

function criticalOf(moment: ast.Moment): ast.Critical | undefined {
    return moment.items.find(ast.isCritical);
}

/** The headline rules: a critical moment names its risks and how they are prevented and recovered. */
export class CriticalMomentValidator {
    checkMoment(moment: ast.Moment, report: Report): void {
        const critical = criticalOf(moment);
        if (!critical) return;
        const risks = critical.items.filter(ast.isRisk);
        const mitigations = critical.items.filter(ast.isMitigation);
        if (risks.length === 0) {
            report('critical-without-risk', `The critical block of \`${moment.name}\` names no risk: say what can go wrong here with \`risk "…"\`, one line per risk.`,
                { node: critical, keyword: 'critical' });
        }
        if (!mitigations.some(m => m.kind === 'prevent')) {
            report('critical-unmitigated', `Critical moment \`${moment.name}\` has no prevent mitigation: one failure here can spoil the whole service. Add \`prevent "…"\` with an \`owner\` under \`critical\`.`,
                { node: moment, property: 'name' });
        }
        if (!mitigations.some(m => m.kind === 'recover')) {
            report('critical-without-recovery', `Critical moment \`${moment.name}\` has no recover mitigation: say how the service recovers when the incident happens anyway, with \`recover "…"\` and an \`owner\`.`,
                { node: moment, property: 'name' });
        }
        const channel = moment.items.find(ast.isChannel);
        if (channel?.value === 'none') {
            report('critical-without-contact', `Moment \`${moment.name}\` has \`channel none\` but is marked critical: the customer feels an incident at a contact with the service; mark that contact moment critical instead.`,
                { node: moment, property: 'name' });
        }
    }

    checkMitigation(mitigation: ast.Mitigation, report: Report): void {
        if (!mitigation.items.some(ast.isOwner)) {
            report('mitigation-without-owner', `This ${mitigation.kind} mitigation has no owner: add an indented \`owner role-id\` line so someone is accountable for it.`,
                { node: mitigation, range: firstTokenRange(mitigation) });
        }
    }

    checkCycle(cycle: ast.Cycle, report: Report): void {
        const moments = cycle.items.filter(ast.isMoment);
        if (moments.length === 0) return;
        const critical = moments.filter(m => criticalOf(m));
        if (critical.length === 0) {
            report('no-critical-moment', `No moment of \`${cycle.name}\` is marked critical: find the moments where one incident can lose the customer and add \`critical\` with its risks and mitigations under them.`,
                { node: cycle, property: 'name' });
        } else if (moments.length >= TOO_MANY_CRITICAL_MIN_MOMENTS && critical.length * 2 > moments.length) {
            report('too-many-critical', `${critical.length} of the ${moments.length} moments of \`${cycle.name}\` are critical: when most moments are critical, none stands out; keep \`critical\` for the moments where one incident can lose the customer.`,
                { node: cycle, property: 'name' });
        }
        const surveys = cycle.items.filter(ast.isSurvey);
        if (surveys.length === 0) return; // missing-survey says it
        const surveyed = new Set<ast.Moment>();
        for (const survey of surveys) {
            for (const question of survey.items) {
                for (const about of question.items.filter(ast.isAbout)) {
                    if (about.moment?.ref) surveyed.add(about.moment?.ref);
                }
            }
        }
        for (const moment of critical) {
            if (!surveyed.has(moment)) {
                report('critical-not-surveyed', `No survey question is about critical moment \`${moment.name}\`: add a question with \`about ${moment.name}\` so you learn how it went for customers.`,
                    { node: moment, property: 'name', data: { surveys: surveys.map(s => s.name) } });
            }
        }
    }
}

