import type { DrawnCycle, MomentModel } from '../model/cycle-model.js';
import type { SceneNode, ViewName } from './scene.js';
import { textWidth, wrapText } from './text.js';

/** `moment`, plus `critical` and `unmitigated` where they apply: the SVG contract. */
export function momentClasses(moment: MomentModel): string {
    return ['moment', moment.critical ? 'critical' : '', moment.unmitigated ? 'unmitigated' : '', moment.channel === 'none' ? 'no-contact' : '', moment.achievesGoal ? 'achieves-goal' : '']
        .filter(Boolean).join(' ');
}

/** `wait 10–20 min`, `wait ≤ 5 days`, or nothing. */
export function formatWait(moment: MomentModel): string | undefined {
    const target = moment.waitTarget;
    const limit = moment.waitLimit;
    if (!target && !limit) return undefined;
    if (target && limit && target.unit === limit.unit) return `wait ${target.amount}–${limit.amount} ${limit.unit}`;
    if (target && limit) return `wait ${target.amount} ${target.unit}, at most ${limit.amount} ${limit.unit}`;
    if (target) return `wait target ${target.amount} ${target.unit}`;
    return `wait at most ${limit!.amount} ${limit!.unit}`;
}

export function titleNodes(cycle: DrawnCycle, width: number): SceneNode[] {
    const nodes: SceneNode[] = [{ kind: 'text', x: 24, y: 30, lines: wrapText(cycle.label || cycle.id, width - 48, 18, 1), size: 18, weight: 'bold', fill: 'ink', className: 'diagram-title' }];
    const subtitle = [cycle.customer, cycle.stage ? `stage: ${cycle.stage}` : undefined].filter(Boolean).join(' · ');
    if (subtitle) nodes.push({ kind: 'text', x: 24, y: 50, lines: wrapText(subtitle, width - 48, 12, 1), size: 12, fill: 'muted', className: 'diagram-subtitle' });
    return nodes;
}

/** A warning triangle with "!" drawn at (x, y): the unmitigated badge. */
export function unmitigatedBadge(x: number, y: number): SceneNode[] {
    const s = 8;
    return [{
        kind: 'group', className: 'badge', children: [
            { kind: 'path', d: `M${x},${y - s} L${x + s},${y + s * 0.7} L${x - s},${y + s * 0.7} Z`, fill: 'warning', stroke: 'background', strokeWidth: 1.5 },
            { kind: 'text', x, y: y + s * 0.55, lines: ['!'], size: 10, anchor: 'middle', weight: 'bold', fill: 'warningInk' }
        ]
    }];
}

/** The mark that stands for a moment without `feels` in the journey: a dashed ring with a "?". */
export function notRatedMark(x: number, y: number, r: number, critical: boolean): SceneNode[] {
    return [
        { kind: 'circle', cx: x, cy: y, r, fill: 'background', stroke: critical ? 'danger' : 'muted', strokeWidth: 1.5, dash: '2 2', className: 'point not-rated' },
        { kind: 'text', x, y: y + 3.5, lines: ['?'], size: 10, anchor: 'middle', weight: 'bold', fill: critical ? 'danger' : 'muted', className: 'not-rated-mark' }
    ];
}

/** The blueprint's fail point: a circled "F" at (x, y). */
export function failPointMark(x: number, y: number, className: string | undefined = 'fail-point'): SceneNode[] {
    return [
        { kind: 'circle', cx: x, cy: y, r: 8, fill: 'danger', className },
        { kind: 'text', x, y: y + 4, lines: ['F'], size: 10, anchor: 'middle', weight: 'bold', fill: 'dangerInk' }
    ];
}

/** What a view draws beyond its usual marks, for the legend to explain. */
interface LegendExtras {
    /** The view shows fail points (the blueprint's circled "F"). */
    failPoints?: boolean;
}

interface LegendKey { marks: (x: number, y: number) => SceneNode[]; text: string; advance: number }

function legendKeys(view: ViewName, extras: LegendExtras): LegendKey[] {
    const keys: LegendKey[] = [
        { marks: (x, y) => [{ kind: 'circle', cx: x, cy: y, r: 6, fill: 'accent' }], text: 'moment', advance: 80 },
        { marks: (x, y) => [{ kind: 'circle', cx: x, cy: y, r: 7, fill: 'danger' }], text: 'critical', advance: 74 }
    ];
    if (extras.failPoints) keys.push({ marks: (x, y) => failPointMark(x - 1, y, 'legend-fail-point'), text: 'fail point', advance: 88 });
    keys.push(
        { marks: (x, y) => unmitigatedBadge(x, y), text: 'unmitigated', advance: 104 }
    );
    if (view !== 'blueprint') {
        keys.push({ marks: (x, y) => [{ kind: 'circle', cx: x, cy: y, r: 6, fill: 'background', stroke: 'ink', strokeWidth: 2 }], text: 'no contact', advance: 104 });
        keys.push({ marks: (x, y) => [{ kind: 'circle', cx: x, cy: y, r: 7, fill: 'none', stroke: 'goal', strokeWidth: 3 }], text: 'achieves the goal', advance: 130 });
    }
    if (view === 'journey') keys.push({ marks: (x, y) => notRatedMark(x, y, 7, false), text: 'not rated (no feels)', advance: 150 });
    return keys;
}

function keysStart(stats: string): number {
    return Math.max(290, stats.length * 7.5);
}

/** How wide the legend is drawn: a diagram must be at least this wide plus its margins. */
export function legendWidth(stats: string, view: ViewName, extras: LegendExtras = {}): number {
    const keys = legendKeys(view, extras);
    const last = keys[keys.length - 1];
    return keysStart(stats) + keys.slice(0, -1).reduce((sum, k) => sum + k.advance, 0) + 16 + textWidth(last.text, 11) + 4;
}

/** The legend: counts, and what each mark means. */
export function legendNodes(stats: string, x: number, y: number, width: number, view: ViewName, extras: LegendExtras = {}): SceneNode[] {
    const nodes: SceneNode[] = [
        { kind: 'line', x1: x, y1: y, x2: x + width, y2: y, stroke: 'faint', strokeWidth: 1 },
        { kind: 'text', x, y: y + 24, lines: [stats], size: 13, weight: 'bold', fill: 'ink', className: 'legend-counts' }
    ];
    let cursor = x + keysStart(stats);
    for (const key of legendKeys(view, extras)) {
        for (const mark of key.marks(cursor + 6, y + 19)) nodes.push(mark);
        nodes.push({ kind: 'text', x: cursor + 16, y: y + 23, lines: [key.text], size: 11, fill: 'muted' });
        cursor += key.advance;
    }
    return [{ kind: 'group', className: 'legend', children: nodes }];
}
