import type { Change } from '../diff/diff-cycles.js';
import { ENGLISH, type Words } from '../domain/words/index.js';
import type { CycleModel, MomentModel } from '../model/cycle-model.js';
import { layoutCycle } from './index.js';
import { wordsOf, type LayoutOptions } from './layout-options.js';
import { renderSvg } from './render-svg.js';
import type { GroupNode, Paint, Scene, SceneNode, ViewName } from './scene.js';
import { textWidth } from './text.js';
import type { ThemeName } from './theme.js';

type DiffStatus = 'added' | 'removed' | 'changed' | 'moved';

/**
 * The cycle to draw for a visual diff: the new version, with each removed moment put
 * back where it stood (after the moment that preceded it), and the status of every
 * moment the change touched.
 */
export function mergeForVisualDiff(before: CycleModel, after: CycleModel, changes: Change[]): { cycle: CycleModel; statuses: Map<string, DiffStatus> } {
    const statuses = new Map<string, DiffStatus>();
    for (const c of changes) {
        if (c.kind === 'moment' && c.id) {
            if (c.change === 'added') statuses.set(c.id, 'added');
            else if (c.change === 'changed' && !statuses.has(c.id)) statuses.set(c.id, 'changed');
            else if (c.change === 'moved' && !statuses.has(c.id)) statuses.set(c.id, 'moved');
        } else if (c.moment && (c.kind === 'critical' || c.kind === 'risk' || c.kind === 'prevent' || c.kind === 'recover') && !statuses.has(c.moment)) {
            statuses.set(c.moment, 'changed');
        }
    }
    const removed = new Set(changes.filter(c => c.kind === 'moment' && c.change === 'removed').map(c => c.id!));
    const moments: MomentModel[] = [...after.moments];
    before.moments.forEach((old, index) => {
        if (!removed.has(old.id)) return;
        // Right after the nearest earlier moment that is still there (or at the start).
        let insertAt = 0;
        for (let k = index - 1; k >= 0; k--) {
            const at = moments.findIndex(m => m.id === before.moments[k].id);
            if (at >= 0) { insertAt = at + 1; break; }
        }
        moments.splice(insertAt, 0, { ...old });
        statuses.set(old.id, 'removed');
    });
    const phases = after.phases.map(p => ({ ...p, moments: [...p.moments] }));
    for (const id of removed) {
        const old = before.moments.find(m => m.id === id)!;
        const phase = phases.find(p => p.label === old.phase);
        if (phase) phase.moments.push(id);
    }
    // Steps are those of the new version, as `cycle diff` reports them: a ghost keeps
    // its old step, which applyDiffStatus shows as "was N", never as a step of its own.
    return { cycle: { ...after, moments, phases }, statuses };
}

const PAINT: Record<DiffStatus, Paint> = { added: 'added', removed: 'removed', changed: 'changed', moved: 'moved' };

/**
 * Recolours the touched moments of a laid-out scene and replaces the legend, in the
 * words of the cycle's language (the same as the rest of the diagram's).
 */
export function applyDiffStatus(scene: Scene, statuses: Map<string, DiffStatus>, words: Words = ENGLISH): Scene {
    const nodes = scene.nodes.map(node => {
        if (node.kind !== 'group') return node;
        if (node.className === 'legend') return diffLegend(node, statuses, words);
        const id = node.data?.moment;
        const status = id ? statuses.get(id) : undefined;
        return status ? recolour(node, status, scene.view, words) : node;
    });
    const legend = nodes.find(n => n.kind === 'group' && n.className === 'legend diff-legend');
    const width = Math.max(scene.width, legend && legend.kind === 'group' ? Math.ceil(legendRight(legend) + 24) : 0);
    return { ...scene, width, nodes, title: `${scene.title} — ${words.diff.changes}` };
}

/**
 * Draws a touched moment in its status colour. A critical moment keeps its danger
 * fill (and its label its danger colour), ringed in the status colour; a removed
 * moment is ghosted and, having no step in the new version, shows "was N".
 */
function recolour(group: GroupNode, status: DiffStatus, view: ViewName, words: Words): GroupNode {
    const paint = PAINT[status];
    const ghost = status === 'removed';
    const critical = (group.className ?? '').split(' ').includes('critical');
    const children: SceneNode[] = group.children.map(child => {
        const cls = (child.className ?? '').split(' ');
        if (child.kind === 'circle' && (cls.includes('marker') || cls.includes('point'))) {
            return { ...child, fill: ghost ? 'background' : critical ? 'danger' : paint, stroke: paint, strokeWidth: critical && !ghost ? 4 : 3, dash: undefined };
        }
        if (child.kind === 'text' && cls.includes('not-rated-mark')) return { ...child, fill: ghost ? paint : critical ? 'dangerInk' : 'background' };
        if (child.kind === 'rect' && cls.includes('action-card')) return { ...child, stroke: paint, strokeWidth: 3, dash: ghost ? '5 3' : undefined };
        if (child.kind === 'text' && (cls.includes('label') || (cls.includes('cell') && cls.includes('lane-1')))) return { ...child, fill: critical ? 'danger' : paint, italic: ghost };
        if (child.kind === 'text' && cls.includes('step') && ghost) {
            // Inside the clock's marker only a sign fits; elsewhere, the old step.
            return { ...child, fill: paint, lines: [view === 'clock' ? '×' : words.diff.was(group.data?.step ?? '?')] };
        }
        if (child.kind === 'path' && cls.includes('leader')) return { ...child, stroke: paint, dash: ghost ? '3 3' : undefined };
        return child;
    });
    const data = ghost && group.data ? { moment: group.data.moment, 'was-step': group.data.step } : group.data;
    return { ...group, className: `${group.className} diff-${status}`, data, opacity: ghost ? 0.6 : undefined, children };
}

function legendRight(legend: GroupNode): number {
    let right = 0;
    for (const child of legend.children) {
        if (child.kind === 'text') right = Math.max(right, child.x + child.lines.reduce((widest, l) => Math.max(widest, textWidth(l, child.size, child.weight === 'bold')), 0));
        if (child.kind === 'circle') right = Math.max(right, child.cx + child.r);
    }
    return right;
}

function diffLegend(legend: GroupNode, statuses: Map<string, DiffStatus>, words: Words): GroupNode {
    const counts = { added: 0, removed: 0, changed: 0, moved: 0 };
    for (const status of statuses.values()) counts[status]++;
    const base = legend.children.find(c => c.kind === 'line');
    const x = base && base.kind === 'line' ? base.x1 : 24;
    const y = base && base.kind === 'line' ? base.y1 : 0;
    const children: SceneNode[] = [];
    if (base) children.push(base);
    let cursor = x;
    const key = (paint: Paint, text: string, ghost = false) => {
        children.push({ kind: 'circle', cx: cursor + 7, cy: y + 19, r: 7, fill: ghost ? 'background' : paint, stroke: paint, strokeWidth: 3 });
        children.push({ kind: 'text', x: cursor + 20, y: y + 23, lines: [text], size: 12, fill: 'ink', weight: 'bold' });
        // Measured, not counted: a Chinese character is about twice as wide as a Latin one.
        cursor += 40 + textWidth(text, 12, true);
    };
    key('added', words.diff.added(counts.added));
    key('removed', words.diff.removed(counts.removed), true);
    key('changed', words.diff.changed(counts.changed));
    key('moved', words.diff.moved(counts.moved));
    children.push({ kind: 'circle', cx: cursor + 7, cy: y + 19, r: 7, fill: 'danger', stroke: 'changed', strokeWidth: 3 });
    children.push({ kind: 'text', x: cursor + 20, y: y + 23, lines: [words.diff.criticalCentre], size: 11, fill: 'muted' });
    // The survey results' keys (the new version's figures), on their own row, stay.
    for (const row of legend.children) if (row.kind === 'group' && row.className === 'results-keys') children.push(row);
    return { ...legend, className: 'legend diff-legend', children };
}

/**
 * The new diagram with the change drawn on it, laid out: added green, removed ghosted
 * red, changed amber, moved pink. `options.results`, when given, are the new
 * version's survey results: painted like on any diagram (a removed moment has no
 * figures in the new version, so its ghost carries none).
 */
export function layoutVisualDiff(before: CycleModel, after: CycleModel, changes: Change[], view: ViewName = 'clock', options: LayoutOptions = {}): Scene {
    const { cycle, statuses } = mergeForVisualDiff(before, after, changes);
    // Figures belong to the new version: a removed moment's ghost carries none, whatever the answers file still holds.
    const kept = new Set(after.moments.map(m => m.id));
    const results = options.results && { ...options.results, figures: { ...options.results.figures, moments: options.results.figures.moments.filter(m => kept.has(m.id)) } };
    return applyDiffStatus(layoutCycle(cycle, view, { ...options, results }), statuses, wordsOf(cycle, options));
}

/** The new diagram with the change drawn on it, as SVG. */
export function renderVisualDiffSvg(before: CycleModel, after: CycleModel, changes: Change[], options: LayoutOptions & { view?: ViewName; theme?: ThemeName } = {}): string {
    return renderSvg(layoutVisualDiff(before, after, changes, options.view ?? 'clock', options), options.theme ?? 'light');
}
