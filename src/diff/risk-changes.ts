import type { CycleModel, FileModel, MomentModel } from '../model/cycle-model.js';
import type { Change } from './diff-cycles.js';

/** What a reviewer must not miss: the changes that make the service riskier. */
export interface RiskChange {
    kind: 'mitigation-removed' | 'new-unmitigated' | 'severity-raised' | 'wait-lengthened' | 'wait-limit-removed';
    cycle: string;
    moment: string;
    /** One sentence, plain text (formats add their own emphasis). */
    text: string;
}

const SEVERITY_RANK = { low: 0, medium: 1, high: 2 } as const;

function momentsById(cycle: CycleModel | undefined): Map<string, MomentModel> {
    return new Map((cycle?.moments ?? []).map(m => [m.id, m]));
}

/**
 * The risk changes between two versions: mitigations removed (saying when one was the
 * only prevention left), critical moments that are now unmitigated, severities
 * raised, waits lengthened, wait limits removed. Renamed moments are followed through the changes.
 */
export function riskChanges(before: FileModel | null, after: FileModel | null, changes: Change[]): RiskChange[] {
    const risks: RiskChange[] = [];
    const renamedFrom = new Map<string, string>();
    for (const c of changes) {
        if (c.kind === 'moment' && c.change === 'changed' && c.before?.id && c.after?.id) renamedFrom.set(`${c.cycle}:${c.after.id}`, String(c.before.id));
    }
    for (const cycle of after?.cycles ?? []) {
        const old = before?.cycles.find(c => c.id === cycle.id);
        const oldMoments = momentsById(old);
        for (const moment of cycle.moments) {
            const previous = oldMoments.get(renamedFrom.get(`${cycle.id}:${moment.id}`) ?? moment.id);
            if (moment.unmitigated && !previous?.unmitigated) {
                risks.push({ kind: 'new-unmitigated', cycle: cycle.id, moment: moment.id, text: `\`${moment.id}\` is now a critical moment without any prevent mitigation` });
            }
            if (previous?.critical && moment.critical && SEVERITY_RANK[moment.critical.severity] > SEVERITY_RANK[previous.critical.severity]) {
                risks.push({ kind: 'severity-raised', cycle: cycle.id, moment: moment.id, text: `the severity of \`${moment.id}\` went from ${previous.critical.severity} to ${moment.critical.severity}` });
            }
            for (const bound of ['waitTarget', 'waitLimit'] as const) {
                const was = previous?.[bound];
                const is = moment[bound];
                if (was && is && is.seconds > was.seconds) {
                    risks.push({ kind: 'wait-lengthened', cycle: cycle.id, moment: moment.id, text: `the wait ${bound === 'waitTarget' ? 'target' : 'limit'} of \`${moment.id}\` went from ${was.amount} ${was.unit} to ${is.amount} ${is.unit}` });
                }
            }
            // No limit at all is the longest wait there is: the customer loses the promise.
            if (previous?.waitLimit && !moment.waitLimit) {
                const was = previous.waitLimit;
                risks.push({ kind: 'wait-limit-removed', cycle: cycle.id, moment: moment.id, text: `the wait limit of \`${moment.id}\` (${was.amount} ${was.unit}) was removed: its wait is no longer bounded` });
            }
        }
    }
    for (const c of changes) {
        if ((c.kind === 'prevent' || c.kind === 'recover') && c.change === 'removed' && c.cycle && c.moment) {
            const now = after?.cycles.find(cy => cy.id === c.cycle)?.moments.find(m => m.id === c.moment);
            const left = now?.critical ? (c.kind === 'prevent' ? now.critical.prevent.length : now.critical.recover.length) : 0;
            const only = left === 0 ? `the only ${c.kind} mitigation` : `a ${c.kind} mitigation`;
            risks.push({ kind: 'mitigation-removed', cycle: c.cycle, moment: c.moment, text: `\`${c.moment}\` loses ${only}: "${c.before?.text}"${c.before?.owner ? ` (owner \`${c.before.owner}\`)` : ''}` });
        }
        if (c.kind === 'critical' && c.change === 'removed' && c.cycle && c.moment) {
            const mitigations = [...((c.before?.prevent as unknown[]) ?? []), ...((c.before?.recover as unknown[]) ?? [])].length;
            risks.push({ kind: 'mitigation-removed', cycle: c.cycle, moment: c.moment, text: `\`${c.moment}\` is no longer marked critical${mitigations > 0 ? `, and its ${mitigations} ${mitigations === 1 ? 'mitigation goes' : 'mitigations go'} with it` : ''}` });
        }
    }
    // "loses the only prevent mitigation" already says the moment is now unmitigated.
    const lostOnly = new Set(risks.filter(r => r.kind === 'mitigation-removed' && r.text.includes('the only prevent')).map(r => `${r.cycle}:${r.moment}`));
    const order = ['mitigation-removed', 'new-unmitigated', 'severity-raised', 'wait-lengthened', 'wait-limit-removed'];
    return risks.filter(r => r.kind !== 'new-unmitigated' || !lostOnly.has(`${r.cycle}:${r.moment}`)).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}
