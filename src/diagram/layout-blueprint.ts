import { cycleStats, describeStats, type CycleModel, type MomentModel } from '../model/cycle-model.js';
import type { Box, GroupNode, Scene, SceneNode } from './scene.js';
import { textWidth, wrapText } from './text.js';
import { legendNodes, legendWidth, momentClasses, titleNodes, unmitigatedBadge } from './parts.js';

const COLUMN = 170;
const HEAD = 150;
const SIZE = 11;
const LINE = 14;
const PAD = 8;
const TOP = 70;

interface Lane { name: string; cell: (m: MomentModel) => string[]; strong?: boolean }

const LANES: Lane[] = [
    { name: 'Physical evidence', cell: m => m.evidence },
    { name: 'Customer action', cell: m => [m.label || m.id], strong: true },
    { name: 'Frontstage', cell: m => [m.by ? `by ${m.by}` : '', m.channel && m.channel !== 'none' ? `(${m.channel})` : m.channel === 'none' ? '(no contact)' : ''].filter(Boolean) },
    { name: 'Backstage', cell: m => m.backstage },
    { name: 'Support processes', cell: m => m.support }
];

/**
 * The service blueprint: one column per moment, in order, and the lanes of the
 * method: physical evidence, customer action, frontstage (who, through which
 * channel), the line of visibility, backstage, support. Critical moments are framed
 * in the danger colour and carry a fail point; unmitigated ones a warning badge.
 */
export function layoutBlueprint(cycle: CycleModel): Scene {
    const moments = cycle.moments;
    // The customer action of a critical moment keeps room for its fail point.
    const cellLines = moments.map(m => LANES.map((lane, l) => lane.cell(m).flatMap(text =>
        wrapText(text, COLUMN - 2 * PAD - (l === 1 && m.critical ? 22 : 0), SIZE, 4, lane.strong))));
    const laneHeights = LANES.map((_, l) => Math.max(34, ...cellLines.map(cells => cells[l].length * LINE + 2 * PAD + 6)));
    const phaseRow = cycle.phases.length > 0 ? 26 : 0;
    const header = TOP + phaseRow + 22;
    const laneTops: number[] = [];
    let y = header;
    laneHeights.forEach((h, i) => {
        if (i === 3) y += 18; // room for the line of visibility
        laneTops.push(y);
        y += h;
    });
    const bodyBottom = y;
    const stats = describeStats(cycleStats(cycle));
    // Never narrower than the legend under it.
    const width = Math.max(HEAD + Math.max(1, moments.length) * COLUMN + 24, Math.ceil(24 + legendWidth(stats, 'blueprint')));
    const height = bodyBottom + 90;
    const nodes: SceneNode[] = [...titleNodes(cycle, width)];

    // Lane names and bands.
    LANES.forEach((lane, i) => {
        nodes.push({ kind: 'rect', x: 12, y: laneTops[i], width: width - 24, height: laneHeights[i], fill: i % 2 === 0 ? 'band' : 'background', className: 'lane' });
        nodes.push({ kind: 'text', x: 20, y: laneTops[i] + 18, lines: wrapText(lane.name, HEAD - 24, 11, 2), size: 11, lineHeight: 13, weight: 'bold', fill: 'muted', className: 'lane-name' });
    });
    const interaction = laneTops[2];
    const visibility = laneTops[3] - 9;
    nodes.push({ kind: 'line', x1: 12, y1: interaction, x2: width - 12, y2: interaction, stroke: 'muted', strokeWidth: 1, className: 'line-of-interaction' });
    nodes.push({ kind: 'line', x1: 12, y1: visibility, x2: width - 12, y2: visibility, stroke: 'ink', strokeWidth: 1.5, dash: '6 4', className: 'line-of-visibility' });
    nodes.push({ kind: 'text', x: width - 16, y: visibility - 4, lines: ['line of visibility'], size: 10, anchor: 'end', fill: 'muted', italic: true });

    // Phases over their columns.
    const column = new Map(moments.map((m, i) => [m.id, i]));
    cycle.phases.forEach((phase, p) => {
        const members = phase.moments.map(id => column.get(id)).filter((i): i is number => i !== undefined);
        if (members.length === 0) return;
        const x = HEAD + Math.min(...members) * COLUMN;
        const w = (Math.max(...members) - Math.min(...members) + 1) * COLUMN - 6;
        const paint = p % 2 === 0 ? 'phaseA' : 'phaseB';
        nodes.push({ kind: 'group', className: 'phase', data: { phase: phase.label }, title: phase.label, children: [
            { kind: 'rect', x, y: TOP, width: w, height: 20, rx: 4, fill: paint },
            { kind: 'text', x: x + 8, y: TOP + 14, lines: wrapText(phase.label, w - 16, 11, 1), size: 11, weight: 'bold', fill: 'background' }
        ] });
    });

    const labelBoxes = new Map<string, Box>();
    moments.forEach((moment, i) => {
        const x = HEAD + i * COLUMN;
        const group: GroupNode = { kind: 'group', className: momentClasses(moment), data: { moment: moment.id, step: String(moment.step) }, title: moment.label, children: [] };
        group.children.push({ kind: 'text', x: x + PAD, y: TOP + phaseRow + 14, lines: [`${moment.step}`], size: 11, weight: 'bold', fill: 'muted', className: 'step' });
        LANES.forEach((lane, l) => {
            const lines = cellLines[i][l];
            if (lines.length === 0) return;
            const top = laneTops[l];
            const isAction = l === 1;
            if (isAction) {
                group.children.push({
                    kind: 'rect', x: x + 3, y: top + 3, width: COLUMN - 6, height: laneHeights[l] - 6, rx: 4,
                    fill: 'background', stroke: moment.critical ? 'danger' : 'accent', strokeWidth: moment.critical ? 2.5 : 1, className: 'action-card'
                });
                const widest = Math.max(...lines.map(t => textWidth(t, SIZE, true)));
                labelBoxes.set(moment.id, { x: x + PAD, y: top + PAD, width: widest, height: lines.length * LINE });
            }
            group.children.push({
                kind: 'text', x: x + PAD, y: top + PAD + SIZE, lines, size: SIZE, lineHeight: LINE,
                weight: lane.strong ? 'bold' : 'normal', fill: isAction && moment.critical ? 'danger' : 'ink', className: `cell lane-${l}`
            });
        });
        if (moment.critical) {
            // The blueprint's fail point: a circled F on the customer action.
            const fx = x + COLUMN - 16;
            const fy = laneTops[1] + 14;
            group.children.push({ kind: 'circle', cx: fx, cy: fy, r: 8, fill: 'danger', className: 'fail-point' });
            group.children.push({ kind: 'text', x: fx, y: fy + 4, lines: ['F'], size: 10, anchor: 'middle', weight: 'bold', fill: 'dangerInk' });
            if (moment.unmitigated) group.children.push(...unmitigatedBadge(fx - 20, fy));
        }
        nodes.push(group);
    });
    if (moments.length === 0) nodes.push({ kind: 'text', x: HEAD + 10, y: laneTops[1] + 22, lines: ['No moments yet'], size: 12, fill: 'muted' });
    nodes.push(...legendNodes(stats, 12, bodyBottom + 20, width - 24, 'blueprint'));
    return { view: 'blueprint', width, height, title: `${cycle.label} — service blueprint`, nodes, labelBoxes };
}
