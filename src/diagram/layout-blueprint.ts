import { isolateLine } from '../domain/neutralise/svg.js';
import type { DrawnCycle, MomentModel } from '../model/cycle-model.js';
import { wordsOf, type LayoutOptions } from './layout-options.js';
import type { Box, GroupNode, Scene, SceneNode } from './scene.js';
import { textWidth, wrapText } from './text.js';
import { failPointMark, legendNodes, legendWidth, momentClasses, phasePaint, statsText, titleNodes, unmitigatedBadge } from './parts.js';

const COLUMN = 170;
const HEAD = 150;
const SIZE = 11;
const LINE = 14;
const PAD = 8;
const TOP = 70;
const NAME_LINE = 13;

type LaneKind = 'evidence' | 'action' | 'frontstage' | 'backstage' | 'support';

interface Lane {
    kind: LaneKind;
    name: string;
    /** A muted caption under the name: the method's lane a role lane belongs to. */
    caption?: string;
    /** The text of a moment's cell; `undefined` when the moment has no cell in this lane. */
    cell: (m: MomentModel) => string[] | undefined;
    strong?: boolean;
}

/** The name of the lane of the moments without `by`. */
const NO_ROLE = 'no role';

function channelText(m: MomentModel): string[] {
    if (m.channel === 'none') return ['(no contact)'];
    return m.channel ? [`(${m.channel})`] : [];
}

/**
 * The lanes of a cycle: physical evidence, customer action, one frontstage lane per
 * role that carries a moment (in the order roles first appear, then "no role" for
 * moments without `by`), backstage, support.
 */
function lanesOf(cycle: DrawnCycle): Lane[] {
    const labels = new Map(cycle.roles.map(r => [r.id, r.label || r.id]));
    const roles: (string | null)[] = [];
    for (const m of cycle.moments) if (m.by !== null && !roles.includes(m.by)) roles.push(m.by);
    if (cycle.moments.some(m => m.by === null)) roles.push(null);
    const frontstage: Lane[] = roles.map(role => ({
        kind: 'frontstage',
        name: role === null ? NO_ROLE : labels.get(role) ?? role,
        caption: 'frontstage',
        cell: m => (m.by === role ? channelText(m) : undefined)
    }));
    if (frontstage.length === 0) frontstage.push({ kind: 'frontstage', name: 'Frontstage', cell: () => undefined });
    return [
        { kind: 'evidence', name: 'Physical evidence', cell: m => m.evidence },
        { kind: 'action', name: 'Customer action', cell: m => [m.label || m.id], strong: true },
        ...frontstage,
        { kind: 'backstage', name: 'Backstage', cell: m => m.backstage },
        { kind: 'support', name: 'Support processes', cell: m => m.support }
    ];
}

/**
 * The service blueprint: one column per moment, in order, and the lanes of the
 * method: physical evidence, customer action, frontstage (a lane per role, each
 * moment's contact in its role's lane with its channel), the line of visibility,
 * backstage, support. Critical moments are framed in the danger colour and carry a
 * fail point; unmitigated ones a warning badge.
 */
export function layoutBlueprint(cycle: DrawnCycle, options: LayoutOptions = {}): Scene {
    const words = wordsOf(cycle, options);
    const moments = cycle.moments;
    const lanes = lanesOf(cycle);
    const ACTION = lanes.findIndex(l => l.kind === 'action');
    const BACKSTAGE = lanes.findIndex(l => l.kind === 'backstage');
    const laneNames = lanes.map(lane => wrapText(lane.name, HEAD - 24, 11, 2));
    // The customer action of a critical moment keeps room for its fail point.
    const cellLines = moments.map(m => lanes.map((lane, l) => {
        const cell = lane.cell(m);
        return cell === undefined ? undefined : cell.flatMap(text =>
            wrapText(text, COLUMN - 2 * PAD - (l === ACTION && m.critical ? 22 : 0), SIZE, 4, lane.strong));
    }));
    const laneHeights = lanes.map((lane, l) => Math.max(
        34,
        laneNames[l].length * NAME_LINE + (lane.caption ? 26 : 14),
        cellLines.reduce((tallest, cells) => Math.max(tallest, (cells[l]?.length ?? 0) * LINE + 2 * PAD + 6), 0)));
    const phaseRow = cycle.phases.length > 0 ? 26 : 0;
    const header = TOP + phaseRow + 22;
    const laneTops: number[] = [];
    let y = header;
    laneHeights.forEach((h, i) => {
        if (i === BACKSTAGE) y += 18; // room for the line of visibility
        laneTops.push(y);
        y += h;
    });
    const bodyBottom = y;
    const stats = statsText(cycle, words);
    const legendExtras = { failPoints: moments.some(m => m.critical) };
    // Never narrower than the legend under it.
    const width = Math.max(HEAD + Math.max(1, moments.length) * COLUMN + 24, Math.ceil(24 + legendWidth(stats, 'blueprint', words, legendExtras)));
    const height = bodyBottom + 90;
    const nodes: SceneNode[] = [...titleNodes(cycle, width, words)];

    // Lane names and bands.
    lanes.forEach((lane, i) => {
        nodes.push({ kind: 'rect', x: 12, y: laneTops[i], width: width - 24, height: laneHeights[i], fill: i % 2 === 0 ? 'band' : 'background', className: 'lane' });
        nodes.push({ kind: 'text', x: 20, y: laneTops[i] + 18, lines: laneNames[i], size: 11, lineHeight: NAME_LINE, weight: 'bold', fill: 'muted', className: 'lane-name' });
        if (lane.caption) {
            nodes.push({ kind: 'text', x: 20, y: laneTops[i] + 18 + laneNames[i].length * NAME_LINE, lines: [lane.caption], size: 9, italic: true, fill: 'muted', className: 'lane-caption' });
        }
    });
    const interaction = laneTops[ACTION + 1];
    const visibility = laneTops[BACKSTAGE] - 9;
    nodes.push({ kind: 'line', x1: 12, y1: interaction, x2: width - 12, y2: interaction, stroke: 'muted', strokeWidth: 1, className: 'line-of-interaction' });
    nodes.push({ kind: 'line', x1: 12, y1: visibility, x2: width - 12, y2: visibility, stroke: 'ink', strokeWidth: 1.5, dash: '6 4', className: 'line-of-visibility' });
    nodes.push({ kind: 'text', x: width - 16, y: visibility - 4, lines: ['line of visibility'], size: 10, anchor: 'end', fill: 'muted', italic: true });

    // Phases over their columns.
    const column = new Map(moments.map((m, i) => [m.id, i]));
    cycle.phases.forEach((phase, p) => {
        const members = phase.moments.map(id => column.get(id)).filter((i): i is number => i !== undefined);
        if (members.length === 0) return;
        const x = HEAD + members.reduce((a, b) => Math.min(a, b), Infinity) * COLUMN;
        const w = (members.reduce((a, b) => Math.max(a, b), -Infinity) - members.reduce((a, b) => Math.min(a, b), Infinity) + 1) * COLUMN - 6;
        const paint = phasePaint(p, cycle.phases.length);
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
        lanes.forEach((lane, l) => {
            const lines = cellLines[i][l];
            if (lines === undefined) return;
            const top = laneTops[l];
            if (lane.kind === 'action') {
                group.children.push({
                    kind: 'rect', x: x + 3, y: top + 3, width: COLUMN - 6, height: laneHeights[l] - 6, rx: 4,
                    fill: 'background', stroke: moment.critical ? 'danger' : 'accent', strokeWidth: moment.critical ? 2.5 : 1, className: 'action-card'
                });
                const widest = lines.reduce((most, t) => Math.max(most, textWidth(t, SIZE, true)), -Infinity);
                labelBoxes.set(moment.id, { x: x + PAD, y: top + PAD, width: widest, height: lines.length * LINE });
            } else if (lane.kind === 'frontstage') {
                // The contact: a card in the lane of the role, tied to the customer action above it.
                const cardHeight = Math.max(1, lines.length) * LINE + PAD;
                const actionBottom = laneTops[ACTION] + laneHeights[ACTION] - 3;
                if (top + 3 > actionBottom) {
                    group.children.push({ kind: 'line', x1: x + COLUMN / 2, y1: actionBottom, x2: x + COLUMN / 2, y2: top + 3, stroke: moment.critical ? 'danger' : 'accent', strokeWidth: 1, dash: '3 3', className: 'contact-link' });
                }
                group.children.push({
                    kind: 'rect', x: x + 3, y: top + 3, width: COLUMN - 6, height: cardHeight, rx: 4,
                    fill: 'background', stroke: moment.critical ? 'danger' : 'accent', strokeWidth: 1, dash: moment.channel === 'none' ? '4 3' : undefined, className: 'frontstage-card'
                });
            }
            if (lines.length === 0) return;
            group.children.push({
                kind: 'text', x: x + PAD, y: top + PAD + SIZE, lines, size: SIZE, lineHeight: LINE,
                weight: lane.strong ? 'bold' : 'normal', fill: lane.kind === 'action' && moment.critical ? 'danger' : 'ink',
                className: lane.kind === 'action' ? 'cell lane-1 lane-action' : `cell lane-${lane.kind}`
            });
        });
        if (moment.critical) {
            // The blueprint's fail point: a circled F on the customer action.
            const fx = x + COLUMN - 16;
            const fy = laneTops[ACTION] + 14;
            for (const node of failPointMark(fx, fy)) group.children.push(node);
            if (moment.unmitigated) for (const node of unmitigatedBadge(fx - 20, fy)) group.children.push(node);
        }
        nodes.push(group);
    });
    if (moments.length === 0) nodes.push({ kind: 'text', x: HEAD + 10, y: laneTops[ACTION] + 22, lines: ['No moments yet'], size: 12, fill: 'muted' });
    for (const node of legendNodes(stats, 12, bodyBottom + 20, width - 24, 'blueprint', words, legendExtras)) nodes.push(node);
    return { view: 'blueprint', width, height, title: `${isolateLine(cycle.label)} — service blueprint`, nodes, labelBoxes };
}
