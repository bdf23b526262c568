import { ENGLISH_CHANGES, type ChangeWords } from '../domain/words/index.js';
import type { CycleModel, DurationModel, FileModel, MomentModel } from '../model/cycle-model.js';
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

/** A wait as the file wrote it (`10 min`), as the list of changes shows it too. */
function wait(d: DurationModel): string {
    return `${d.amount} ${d.unit}`;
}

function momentsById(cycle: CycleModel | undefined): Map<string, MomentModel> {
    return new Map((cycle?.moments ?? []).map(m => [m.id, m]));
}

/**
 * The risk changes between two versions: mitigations removed (saying when one was the
 * only prevention left), critical moments that are now unmitigated, severities
 * raised, waits lengthened, wait limits removed. Renamed moments are followed through the changes.
 * The sentences are in the words given: English unless told (`cycle diff`, the pull-request
 * comment), the cycle's own language in the Compare with HEAD panel.
 */
export function riskChanges(before: Pick<FileModel, 'cycles'> | null, after: Pick<FileModel, 'cycles'> | null, changes: Change[], words: ChangeWords = ENGLISH_CHANGES): RiskChange[] {
    const risks: RiskChange[] = [];
    const say = words.risks;
    const code = (id: string) => `\`${id}\``;
    // Moments that lost their only prevent mitigation: that already says they are now unmitigated.
    const lostOnly = new Set<string>();
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
                risks.push({ kind: 'new-unmitigated', cycle: cycle.id, moment: moment.id, text: say.newUnmitigated(code(moment.id)) });
            }
            if (previous?.critical && moment.critical && SEVERITY_RANK[moment.critical.severity] > SEVERITY_RANK[previous.critical.severity]) {
                risks.push({ kind: 'severity-raised', cycle: cycle.id, moment: moment.id, text: say.severityRaised(code(moment.id), words.severity[previous.critical.severity], words.severity[moment.critical.severity]) });
            }
            for (const bound of ['waitTarget', 'waitLimit'] as const) {
                const was = previous?.[bound];
                const is = moment[bound];
                if (was && is && is.seconds > was.seconds) {
                    risks.push({ kind: 'wait-lengthened', cycle: cycle.id, moment: moment.id, text: say.waitLengthened(bound === 'waitTarget' ? 'target' : 'limit', code(moment.id), wait(was), wait(is)) });
                }
            }
            // No limit at all is the longest wait there is: the customer loses the promise.
            if (previous?.waitLimit && !moment.waitLimit) {
                risks.push({ kind: 'wait-limit-removed', cycle: cycle.id, moment: moment.id, text: say.waitLimitRemoved(code(moment.id), wait(previous.waitLimit)) });
            }
        }
    }
    for (const c of changes) {
        if ((c.kind === 'prevent' || c.kind === 'recover') && c.change === 'removed' && c.cycle && c.moment) {
            const now = after?.cycles.find(cy => cy.id === c.cycle)?.moments.find(m => m.id === c.moment);
            const left = now?.critical ? (c.kind === 'prevent' ? now.critical.prevent.length : now.critical.recover.length) : 0;
            if (left === 0 && c.kind === 'prevent') lostOnly.add(`${c.cycle}:${c.moment}`);
            const owner = c.before?.owner ? code(String(c.before.owner)) : null;
            risks.push({ kind: 'mitigation-removed', cycle: c.cycle, moment: c.moment, text: say.mitigationLost(c.kind, left === 0, code(c.moment), `"${String(c.before?.text)}"`, owner) });
        }
        if (c.kind === 'critical' && c.change === 'removed' && c.cycle && c.moment) {
            const mitigations = [...((c.before?.prevent as unknown[]) ?? []), ...((c.before?.recover as unknown[]) ?? [])].length;
            risks.push({ kind: 'mitigation-removed', cycle: c.cycle, moment: c.moment, text: say.criticalRemoved(code(c.moment), mitigations) });
        }
    }
    const order = ['mitigation-removed', 'new-unmitigated', 'severity-raised', 'wait-lengthened', 'wait-limit-removed'];
    return risks.filter(r => r.kind !== 'new-unmitigated' || !lostOnly.has(`${r.cycle}:${r.moment}`)).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}
