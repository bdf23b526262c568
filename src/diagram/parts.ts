import type { CycleModel, MomentModel } from '../model/cycle-model.js';
import type { SceneNode, ViewName } from './scene.js';
import { wrapText } from './text.js';

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

export function titleNodes(cycle: CycleModel, width: number): SceneNode[] {
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

/** The legend: counts, and what each mark means. */
export function legendNodes(stats: string, x: number, y: number, width: number, view: ViewName): SceneNode[] {
    const nodes: SceneNode[] = [
        { kind: 'line', x1: x, y1: y, x2: x + width, y2: y, stroke: 'faint', strokeWidth: 1 },
        { kind: 'text', x, y: y + 24, lines: [stats], size: 13, weight: 'bold', fill: 'ink', className: 'legend-counts' }
    ];
    let cursor = x + Math.max(290, stats.length * 7.5);
    const key = (marks: SceneNode[], text: string, advance: number) => {
        nodes.push(...marks, { kind: 'text', x: cursor + 16, y: y + 23, lines: [text], size: 11, fill: 'muted' });
        cursor += advance;
    };
    key([{ kind: 'circle', cx: cursor + 6, cy: y + 19, r: 6, fill: 'accent' }], 'moment', 80);
    key([{ kind: 'circle', cx: cursor + 6, cy: y + 19, r: 7, fill: 'danger' }], 'critical', 74);
    key(unmitigatedBadge(cursor + 6, y + 19), 'unmitigated', 104);
    if (view !== 'blueprint') {
        key([{ kind: 'circle', cx: cursor + 6, cy: y + 19, r: 6, fill: 'background', stroke: 'ink', strokeWidth: 2 }], 'no contact', 104);
        key([{ kind: 'circle', cx: cursor + 6, cy: y + 19, r: 7, fill: 'none', stroke: 'goal', strokeWidth: 3 }], 'achieves the goal', 130);
    }
    return [{ kind: 'group', className: 'legend', children: nodes }];
}
