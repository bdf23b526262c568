import type {
    ActionModel, AreaModel, CriticalModel, CycleModel, DurationModel, FileModel, MitigationModel, MomentModel,
    QuestionModel, RequirementModel, RoleModel, SurveyModel
} from '../model/cycle-model.js';
import type { ChangeField } from '../domain/words/index.js';
import { longestCommonSubsequence } from './lcs.js';

export type ChangeType = 'added' | 'removed' | 'changed' | 'moved';
export type ChangeKind = 'moment' | 'critical' | 'risk' | 'prevent' | 'recover' | 'role' | 'requirement' | 'action' | 'area'
    | 'priority' | 'survey' | 'question' | 'cycle';

/**
 * One change in service terms, the spec's JSON shape. For `added`, `after` holds the
 * new element and `before` is null; for `removed`, the reverse; for `changed`, both
 * hold only the attributes that differ (a rename is `{ id }` before and after); for
 * `moved`, both hold `{ position }` (1-based).
 */
export interface Change {
    change: ChangeType;
    kind: ChangeKind;
    /** The cycle the change is in; null for a top-level role. */
    cycle: string | null;
    /** The element's id (its new id after a rename); null for risks and mitigations. */
    id: string | null;
    /** The moment a critical block, risk or mitigation belongs to. */
    moment: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
}

type Attributes = Record<string, unknown>;
/**
 * The attributes compared between two versions: each has a name in every language of
 * the list of changes (a new one fails to compile until `ChangeField` and the words have it).
 */
type Compared = Partial<Record<ChangeField, unknown>>;

/** Semantic changes from one version of a file to another. */
export function diffFiles(before: FileModel | null, after: FileModel | null): Change[] {
    const changes: Change[] = [];
    diffNamed(before?.roles ?? [], after?.roles ?? [], roleAttributes, 'role', null, changes);
    const oldCycles = new Map((before?.cycles ?? []).map(c => [c.id, c]));
    const newCycles = new Map((after?.cycles ?? []).map(c => [c.id, c]));
    for (const cycle of before?.cycles ?? []) {
        if (!newCycles.has(cycle.id)) changes.push(change('removed', 'cycle', cycle.id, cycle.id, null, cycleSummary(cycle), null));
    }
    for (const cycle of after?.cycles ?? []) {
        const old = oldCycles.get(cycle.id);
        if (!old) changes.push(change('added', 'cycle', cycle.id, cycle.id, null, null, cycleSummary(cycle)));
        else for (const change of diffCycles(old, cycle)) changes.push(change);
    }
    return changes;
}

/** Semantic changes between two versions of one cycle. */
export function diffCycles(before: CycleModel, after: CycleModel): Change[] {
    const changes: Change[] = [];
    const cycle = after.id;
    const attributes = (c: CycleModel): Compared => ({ label: c.label, customer: c.customer, goal: c.goal, stage: c.stage, peaks: c.peaks });
    const [b, a] = differing(attributes(before), attributes(after));
    if (b) changes.push(change('changed', 'cycle', cycle, cycle, null, b, a));

    diffNamed(before.roles, after.roles, roleAttributes, 'role', cycle, changes);
    const momentPairs = diffNamed(before.moments, after.moments, momentAttributes, 'moment', cycle, changes, momentSummary);
    diffOrder(before.moments.map(m => m.id), after.moments.map(m => m.id), momentPairs, 'moment', cycle, changes);
    for (const [old, now] of momentPairs) diffCritical(old, now, cycle, changes);
    diffNamed(before.requirements, after.requirements, requirementAttributes, 'requirement', cycle, changes);
    diffNamed(before.actions, after.actions, actionAttributes, 'action', cycle, changes);
    diffNamed(before.areas, after.areas, areaAttributes, 'area', cycle, changes);
    diffPriorities(before.priorities, after.priorities, cycle, changes);
    const surveyPairs = diffNamed(before.surveys, after.surveys, surveyAttributes, 'survey', cycle, changes);
    for (const [old, now] of surveyPairs) diffNamed(old.questions, now.questions, questionAttributes, 'question', cycle, changes);
    return changes;
}

function change(type: ChangeType, kind: ChangeKind, cycle: string | null, id: string | null, moment: string | null, before: Attributes | null, after: Attributes | null): Change {
    return { change: type, kind, cycle, id, moment, before, after };
}

interface Named { id: string; label?: string | null }

/**
 * Matches elements by id; an id that vanished while an element with the same label
 * appeared is a rename, and so is one whose place holds a new id with a similar label. Reports added, removed and changed elements and returns the
 * matched pairs (old, new).
 */
function diffNamed<T extends Named>(before: T[], after: T[], attributes: (t: T) => Attributes, kind: ChangeKind, cycle: string | null, changes: Change[], summary: (t: T) => Attributes = attributes): [T, T][] {
    const newById = new Map(after.map(e => [e.id, e]));
    const oldById = new Map(before.map(e => [e.id, e]));
    const pairs: [T, T][] = [];
    const vanished = before.filter(e => !newById.has(e.id));
    const appeared = after.filter(e => !oldById.has(e.id));
    const renamed = new Map<T, T>();
    for (const old of vanished) {
        const label = normalise(old.label);
        if (!label) continue;
        const candidates = appeared.filter(n => normalise(n.label) === label && ![...renamed.values()].includes(n));
        if (candidates.length === 1) renamed.set(old, candidates[0]);
    }
    // A new id with an edited label: only the element in the very same place, and only
    // when the labels still share most of their words.
    for (const old of vanished) {
        if (renamed.has(old)) continue;
        const now = after[before.indexOf(old)];
        if (now && appeared.includes(now) && ![...renamed.values()].includes(now) && similarLabels(old.label, now.label)) renamed.set(old, now);
    }
    for (const old of before) {
        const now = newById.get(old.id) ?? renamed.get(old);
        if (!now) {
            changes.push(change('removed', kind, cycle, old.id, momentOf(kind, old), summary(old), null));
            continue;
        }
        pairs.push([old, now]);
        const oldAttributes = attributes(old);
        const newAttributes = attributes(now);
        if (old.id !== now.id) {
            oldAttributes.id = old.id;
            newAttributes.id = now.id;
        }
        const [b, a] = differing(oldAttributes, newAttributes);
        if (b) changes.push(change('changed', kind, cycle, now.id, momentOf(kind, now), b, a));
    }
    const matched = new Set(pairs.map(([, now]) => now));
    for (const now of after) {
        if (!matched.has(now)) changes.push(change('added', kind, cycle, now.id, momentOf(kind, now), null, summary(now)));
    }
    return pairs;
}

function momentOf(kind: ChangeKind, element: Named): string | null {
    return kind === 'moment' ? element.id : null;
}

/**
 * Order changes as the fewest moves that explain them: the moments that keep their
 * relative order (a longest common subsequence) stay; the others moved. Inserting or
 * deleting a moment moves nothing.
 */
function diffOrder<T extends Named>(beforeIds: string[], afterIds: string[], pairs: [T, T][], kind: ChangeKind, cycle: string, changes: Change[]): void {
    const newIdOf = new Map(pairs.map(([old, now]) => [old.id, now.id]));
    const oldSequence = beforeIds.filter(id => newIdOf.has(id)).map(id => newIdOf.get(id)!);
    const kept = new Set(pairs.map(([, now]) => now.id));
    const newSequence = afterIds.filter(id => kept.has(id));
    const stay = new Set(longestCommonSubsequence(oldSequence, newSequence));
    for (const id of newSequence) {
        if (stay.has(id)) continue;
        const oldId = [...newIdOf.entries()].find(([, n]) => n === id)![0];
        changes.push(change('moved', kind, cycle, id, kind === 'moment' ? id : null, { position: beforeIds.indexOf(oldId) + 1 }, { position: afterIds.indexOf(id) + 1 }));
    }
}

function diffPriorities(before: string[], after: string[], cycle: string, changes: Change[]): void {
    for (const id of before) if (!after.includes(id)) changes.push(change('removed', 'priority', cycle, id, null, { rank: before.indexOf(id) + 1 }, null));
    for (const id of after) if (!before.includes(id)) changes.push(change('added', 'priority', cycle, id, null, null, { rank: after.indexOf(id) + 1 }));
    const common = before.filter(id => after.includes(id));
    const stay = new Set(longestCommonSubsequence(common, after.filter(id => before.includes(id))));
    for (const id of after) {
        if (before.includes(id) && !stay.has(id)) changes.push(change('moved', 'priority', cycle, id, null, { rank: before.indexOf(id) + 1 }, { rank: after.indexOf(id) + 1 }));
    }
}

function diffCritical(old: MomentModel, now: MomentModel, cycle: string, changes: Change[]): void {
    const moment = now.id;
    if (!old.critical && !now.critical) return;
    if (!old.critical && now.critical) {
        changes.push(change('added', 'critical', cycle, null, moment, null, criticalSummary(now.critical)));
        return;
    }
    if (old.critical && !now.critical) {
        changes.push(change('removed', 'critical', cycle, null, moment, criticalSummary(old.critical), null));
        return;
    }
    const before = old.critical!;
    const after = now.critical!;
    if (before.severity !== after.severity) {
        changes.push(change('changed', 'critical', cycle, null, moment, { severity: before.severity }, { severity: after.severity }));
    }
    diffTexts(before.risks.map(r => r.text), after.risks.map(r => r.text), 'risk', cycle, moment, changes);
    diffMitigations(before.prevent, after.prevent, 'prevent', cycle, moment, changes);
    diffMitigations(before.recover, after.recover, 'recover', cycle, moment, changes);
}

function diffTexts(before: string[], after: string[], kind: ChangeKind, cycle: string, moment: string, changes: Change[]): void {
    for (const text of before) if (!after.includes(text)) changes.push(change('removed', kind, cycle, null, moment, { text }, null));
    for (const text of after) if (!before.includes(text)) changes.push(change('added', kind, cycle, null, moment, null, { text }));
}

/** Mitigations are identified by their moment and their text. */
function diffMitigations(before: MitigationModel[], after: MitigationModel[], kind: 'prevent' | 'recover', cycle: string, moment: string, changes: Change[]): void {
    for (const old of before) {
        const now = after.find(m => m.text === old.text);
        if (!now) changes.push(change('removed', kind, cycle, null, moment, { text: old.text, owner: old.owner }, null));
        else if (now.owner !== old.owner) changes.push(change('changed', kind, cycle, null, moment, { text: old.text, owner: old.owner }, { text: now.text, owner: now.owner }));
    }
    for (const now of after) {
        if (!before.some(m => m.text === now.text)) changes.push(change('added', kind, cycle, null, moment, null, { text: now.text, owner: now.owner }));
    }
}

/** The attributes that differ, as two objects; [null, null] when none do. */
function differing(before: Attributes, after: Attributes): [Attributes | null, Attributes | null] {
    const b: Attributes = {};
    const a: Attributes = {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
            b[key] = before[key] ?? null;
            a[key] = after[key] ?? null;
        }
    }
    return Object.keys(b).length > 0 ? [b, a] : [null, null];
}

/** Labels that share at least half their words (Dice coefficient on distinct words). */
function similarLabels(a: string | null | undefined, b: string | null | undefined): boolean {
    const words = (label: string | null | undefined) => new Set(normalise(label).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    const [x, y] = [words(a), words(b)];
    if (x.size === 0 || y.size === 0) return false;
    const shared = [...x].filter(w => y.has(w)).length;
    return (2 * shared) / (x.size + y.size) >= 0.5;
}

function normalise(label: string | null | undefined): string {
    return (label ?? '').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

function duration(d: DurationModel | null): string | null {
    return d ? `${d.amount} ${d.unit}` : null;
}

function roleAttributes(role: RoleModel): Compared {
    return { label: role.label };
}

function momentAttributes(m: MomentModel): Compared {
    return {
        label: m.label, phase: m.phase, by: m.by, channel: m.channel, feels: m.feels, qualities: [...m.qualities].sort(),
        waitTarget: duration(m.waitTarget), waitLimit: duration(m.waitLimit), evidence: m.evidence, frontstage: m.frontstage, backstage: m.backstage,
        support: m.support, achievesGoal: m.achievesGoal
    };
}

/** An added or removed moment, with its critical data (compared separately when kept). */
function momentSummary(m: MomentModel): Attributes {
    return { ...momentAttributes(m), position: m.step, critical: m.critical ? criticalSummary(m.critical) : null, unmitigated: m.unmitigated };
}

function criticalSummary(critical: CriticalModel): Attributes {
    return {
        severity: critical.severity,
        risks: critical.risks.map(r => r.text),
        prevent: critical.prevent.map(m => ({ text: m.text, owner: m.owner })),
        recover: critical.recover.map(m => ({ text: m.text, owner: m.owner }))
    };
}

function requirementAttributes(r: RequirementModel): Compared {
    return { label: r.label, for: r.for, from: r.from };
}

function actionAttributes(a: ActionModel): Compared {
    return { label: a.label, meets: a.meets, owner: a.owner, due: a.due };
}

function areaAttributes(a: AreaModel): Compared {
    return { label: a.label, because: a.because, covers: a.covers };
}

function surveyAttributes(s: SurveyModel): Compared {
    return { label: s.label };
}

function questionAttributes(q: QuestionModel): Compared {
    return { label: q.label, about: q.about, answer: q.answer };
}

function cycleSummary(cycle: CycleModel): Attributes {
    return { label: cycle.label, goal: cycle.goal, moments: cycle.moments.length, critical: cycle.moments.filter(m => m.critical).length };
}
