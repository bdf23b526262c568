import { isolateLine } from '../domain/neutralise/svg.js';
import type { Words } from '../domain/words/index.js';
import type { DrawnCycle, MomentModel } from '../model/cycle-model.js';
import { wordsOf, type LayoutOptions } from './layout-options.js';
import type { Box, GroupNode, Scene, SceneNode } from './scene.js';
import { textWidth, wrapText } from './text.js';
import { failPointMark, formatWait, legendNodes, legendWidth, momentClasses, phasePaint, roleName, statsText, titleNodes } from './parts.js';

const COLUMN = 170;
const HEAD = 150;
const SIZE = 11;
const LINE = 14;
const RISK_SIZE = 10;
const RISK_LINE = 13;
const PAD = 8;
const TOP = 70;
const NAME_LINE = 13;
/** Room between two lanes for a line of the method (interaction, visibility, internal interaction) and its name. */
const LINE_GAP = 18;
/** Room between two rows of columns. */
const ROW_GAP = 30;
/** The tag of an unmitigated moment inside its card: its height with the gap above. */
const TAG = 22;
/** A slide: the widest proportion drawn by default. */
const SLIDE_RATIO = 16 / 9;

type LaneKind = 'evidence' | 'action' | 'frontstage' | 'backstage' | 'support';

interface Lane {
    kind: LaneKind;
    name: string;
    /** A muted caption under the name: the method's lane a role lane belongs to. */
    caption?: string;
    /** The text of a moment's cell; `undefined` when the moment has no cell in this lane. */
    cell: (m: MomentModel) => string[] | undefined;
}

/** What the customer-action card of a moment holds, wrapped. */
interface ActionCard {
    label: string[];
    wait: string[];
    /** Each risk's lines: a fail point with its risk, not a bare "F". */
    risks: string[][];
    tag: string | undefined;
}

function channelText(m: MomentModel, words: Words): string[] {
    if (m.channel === null) return [];
    return [`(${words.channels[m.channel] ?? m.channel})`];
}

/** What a moment's frontstage card says: its `frontstage` lines, then its channel. */
function contactText(m: MomentModel, words: Words): string[] {
    return [...m.frontstage, ...channelText(m, words)];
}

/**
 * The lanes of a cycle as service blueprints draw them: physical evidence, customer
 * actions, then (under the line of interaction) one frontstage lane per role that
 * carries a moment, named by the role's label, in the order roles first appear, and
 * a lane for moments without `by`; under the line of visibility, backstage; under
 * the line of internal interaction, support processes. A frontstage cell holds the
 * moment's `frontstage` lines and its channel.
 */
function lanesOf(cycle: DrawnCycle, words: Words): Lane[] {
    const roles: (string | null)[] = [];
    for (const m of cycle.moments) if (m.by !== null && !roles.includes(m.by)) roles.push(m.by);
    // A moment with no role and nothing to say in front of the customer has no contact to
    // draw: it does not open a "no role" lane that would stay empty.
    if (cycle.moments.some(m => m.by === null && contactText(m, words).length > 0)) roles.push(null);
    const frontstage: Lane[] = roles.map(role => ({
        kind: 'frontstage',
        name: role === null ? words.lanes.noRole : roleName(cycle, role),
        caption: words.lanes.frontstage,
        cell: m => (m.by === role && (role !== null || contactText(m, words).length > 0) ? contactText(m, words) : undefined)
    }));
    if (frontstage.length === 0) frontstage.push({ kind: 'frontstage', name: words.lanes.frontstage, cell: () => undefined });
    return [
        { kind: 'evidence', name: words.lanes.evidence, cell: m => m.evidence },
        { kind: 'action', name: words.lanes.action, cell: () => [] },
        ...frontstage,
        { kind: 'backstage', name: words.lanes.backstage, cell: m => m.backstage },
        { kind: 'support', name: words.lanes.support, cell: m => m.support }
    ];
}

function actionCard(moment: MomentModel, words: Words): ActionCard {
    const inner = COLUMN - 2 * PAD - 6;
    const wait = formatWait(moment, words);
    return {
        label: wrapText(moment.label || moment.id, inner, SIZE, 4, true),
        wait: wait ? wrapText(wait, inner, 10, 2) : [],
        // A critical moment with no risk written yet still shows its fail point.
        risks: !moment.critical ? [] : moment.critical.risks.length === 0 ? [[words.critical]]
            : moment.critical.risks.map(r => wrapText(r.text, inner - 20, RISK_SIZE, 4)),
        tag: moment.unmitigated ? words.noPrevention : undefined
    };
}

function actionHeight(card: ActionCard): number {
    const risks = card.risks.reduce((sum, lines) => sum + Math.max(1, lines.length) * RISK_LINE + 4, 0);
    return 2 * PAD + card.label.length * LINE + card.wait.length * 13 + (card.risks.length > 0 ? 4 + risks : 0) + (card.tag ? TAG : 0) + 6;
}

/**
 * How many columns a row holds: chosen by `--width`, else the even split into rows
 * whose natural proportions come closest to a slide's 16:9 (the height is then
 * padded up to 16:9 where the rows are a little wider than that).
 */
function columnsPerRow(count: number, options: LayoutOptions, sizeFor: (perRow: number) => { width: number; height: number }): number {
    if (count <= 1) return 1;
    if (options.width !== undefined) return Math.max(1, Math.min(count, Math.floor((options.width - HEAD - 24) / COLUMN)));
    let best = count;
    let bestDistance = Infinity;
    for (let rows = 1; rows <= count; rows++) {
        const perRow = Math.ceil(count / rows);
        if (rows > 1 && perRow === Math.ceil(count / (rows - 1))) continue;
        const { width, height } = sizeFor(perRow);
        const distance = Math.abs(Math.log(width / height / SLIDE_RATIO));
        if (distance < bestDistance) {
            best = perRow;
            bestDistance = distance;
        }
        if (width < height) break; // taller than wide: more rows only get worse
    }
    return best;
}

/**
 * The service blueprint: one column per moment, in order, in rows that keep the
 * image within a slide's proportions (16:9) unless `--width` says otherwise, each
 * row with the lanes of the method. The customer-action card holds the moment, its
 * wait as a time standard, each risk as a fail point with its text, and, for an
 * unmitigated moment, a "no prevention" tag under the text (never over it); the card
 * of a critical moment is framed in the danger colour, broken when unmitigated.
 */
export function layoutBlueprint(cycle: DrawnCycle, options: LayoutOptions = {}): Scene {
    const words = wordsOf(cycle, options);
    const moments = cycle.moments;
    const lanes = lanesOf(cycle, words);
    const ACTION = lanes.findIndex(l => l.kind === 'action');
    const BACKSTAGE = lanes.findIndex(l => l.kind === 'backstage');
    const SUPPORT = lanes.findIndex(l => l.kind === 'support');
    const laneNames = lanes.map(lane => wrapText(lane.name, HEAD - 24, 11, 2, true));
    const cards = moments.map(m => actionCard(m, words));
    const cellLines = moments.map(m => lanes.map(lane => {
        const cell = lane.cell(m);
        return cell === undefined ? undefined : cell.flatMap(text => wrapText(text, COLUMN - 2 * PAD - 6, SIZE, 4));
    }));
    const laneMinimum = lanes.map((lane, l) => Math.max(34, laneNames[l].length * NAME_LINE + (lane.caption ? 26 : 14)));
    const laneHeightsOf = (from: number, to: number): number[] => lanes.map((_, l) => {
        let tallest = laneMinimum[l];
        for (let i = from; i < to; i++) {
            const cell = l === ACTION ? actionHeight(cards[i]) : (cellLines[i][l]?.length ?? 0) * LINE + 2 * PAD + 6;
            tallest = Math.max(tallest, cell);
        }
        return tallest;
    });
    const gapBefore = (l: number) => (l === ACTION + 1 || l === BACKSTAGE || l === SUPPORT ? LINE_GAP : 0);
    const phaseRow = cycle.phases.length > 0 ? 26 : 0;
    const rowHead = phaseRow + 22;
    const rowHeight = (heights: number[]) => rowHead + heights.reduce((sum, h, l) => sum + h + gapBefore(l), 0);
    const stats = statsText(cycle, words);
    const legendExtras = { failPoints: moments.some(m => m.critical) };
    const minimumWidth = Math.ceil(24 + legendWidth(stats, 'blueprint', words, legendExtras));
    const FOOTER = 90;
    const sizeFor = (perRow: number) => {
        let body = 0;
        for (let from = 0; from < moments.length; from += perRow) body += rowHeight(laneHeightsOf(from, Math.min(moments.length, from + perRow))) + ROW_GAP;
        return { width: Math.max(HEAD + perRow * COLUMN + 24, minimumWidth, options.width ?? 0), height: TOP + body - ROW_GAP + FOOTER };
    };
    const perRow = columnsPerRow(moments.length, options, sizeFor);
    const size = sizeFor(perRow);
    const width = size.width;
    // By default never wider than a slide: a short blueprint gets room under its legend.
    const height = options.width === undefined ? Math.max(size.height, Math.ceil(width / SLIDE_RATIO)) : size.height;
    const nodes: SceneNode[] = [...titleNodes(cycle, width, words)];
    const labelBoxes = new Map<string, Box>();
    const textBoxes: Box[] = [];
    const badgeBoxes: Box[] = [];

    let rowTop = TOP;
    for (let from = 0; from < Math.max(1, moments.length); from += perRow) {
        const to = Math.min(moments.length, from + perRow);
        const heights = laneHeightsOf(from, to);
        const laneTops: number[] = [];
        let y = rowTop + rowHead;
        heights.forEach((h, l) => {
            y += gapBefore(l);
            laneTops.push(y);
            y += h;
        });
        const rowBottom = y;

        // Lane names and bands.
        lanes.forEach((lane, l) => {
            nodes.push({ kind: 'rect', x: 12, y: laneTops[l], width: width - 24, height: heights[l], fill: l % 2 === 0 ? 'band' : 'background', className: 'lane' });
            nodes.push({ kind: 'text', x: 20, y: laneTops[l] + 18, lines: laneNames[l], size: 11, lineHeight: NAME_LINE, weight: 'bold', fill: 'muted', className: 'lane-name' });
            textBoxes.push({ x: 20, y: laneTops[l] + 6, width: laneNames[l].reduce((w, t) => Math.max(w, textWidth(t, 11, true)), 0), height: laneNames[l].length * NAME_LINE });
            if (lane.caption) {
                nodes.push({ kind: 'text', x: 20, y: laneTops[l] + 18 + laneNames[l].length * NAME_LINE, lines: [lane.caption], size: 9, italic: true, fill: 'muted', className: 'lane-caption' });
            }
        });
        // The method's three lines, each named at its right end in the gap above the lane under it.
        const methodLine = (l: number, name: string, className: string, strong: boolean) => {
            const lineY = laneTops[l] - LINE_GAP / 2;
            nodes.push({ kind: 'line', x1: 12, y1: lineY, x2: width - 12, y2: lineY, stroke: strong ? 'ink' : 'muted', strokeWidth: strong ? 1.5 : 1, dash: strong ? '6 4' : '2 3', className });
            const nameWidth = textWidth(name, 10) + 8;
            nodes.push({ kind: 'rect', x: width - 16 - nameWidth, y: lineY - 7, width: nameWidth, height: 14, fill: 'background' });
            nodes.push({ kind: 'text', x: width - 20, y: lineY + 3.5, lines: [name], size: 10, anchor: 'end', fill: 'muted', italic: true, className: `${className}-name` });
            textBoxes.push({ x: width - 20 - nameWidth + 8, y: lineY - 7, width: nameWidth - 8, height: 14 });
        };
        methodLine(ACTION + 1, words.lineOfInteraction, 'line-of-interaction', false);
        methodLine(BACKSTAGE, words.lineOfVisibility, 'line-of-visibility', true);
        methodLine(SUPPORT, words.lineOfInternalInteraction, 'line-of-internal-interaction', false);

        // Phases over their columns in this row.
        const column = new Map(moments.map((m, i) => [m.id, i]));
        cycle.phases.forEach((phase, p) => {
            const members = phase.moments.map(id => column.get(id)).filter((i): i is number => i !== undefined && i >= from && i < to);
            if (members.length === 0) return;
            const first = members.reduce((a, b) => Math.min(a, b), Infinity) - from;
            const last = members.reduce((a, b) => Math.max(a, b), -Infinity) - from;
            const x = HEAD + first * COLUMN;
            const w = (last - first + 1) * COLUMN - 6;
            const lines = wrapText(phase.label, w - 16, 11, 1, true);
            nodes.push({ kind: 'group', className: 'phase', data: { phase: phase.label }, title: phase.label, children: [
                { kind: 'rect', x, y: rowTop, width: w, height: 20, rx: 4, fill: phasePaint(p, cycle.phases.length) },
                { kind: 'text', x: x + 8, y: rowTop + 14, lines, size: 11, weight: 'bold', fill: 'background' }
            ] });
            textBoxes.push({ x: x + 8, y: rowTop + 3, width: lines.reduce((wd, t) => Math.max(wd, textWidth(t, 11, true)), 0), height: 14 });
        });

        for (let i = from; i < to; i++) {
            const moment = moments[i];
            const x = HEAD + (i - from) * COLUMN;
            const group: GroupNode = { kind: 'group', className: momentClasses(moment), data: { moment: moment.id, step: String(moment.step) }, title: moment.label, children: [] };
            group.children.push({ kind: 'text', x: x + PAD, y: rowTop + phaseRow + 14, lines: [`${moment.step}`], size: 11, weight: 'bold', fill: 'muted', className: 'step' });
            lanes.forEach((lane, l) => {
                const top = laneTops[l];
                if (lane.kind === 'action') {
                    actionCardNodes(group, moment, cards[i], x, top, heights[l], labelBoxes, textBoxes, badgeBoxes);
                    return;
                }
                const lines = cellLines[i][l];
                if (lines === undefined) return;
                if (lane.kind === 'frontstage') {
                    // The contact: a card in the lane of the role, tied to the customer action above it.
                    const actionBottom = laneTops[ACTION] + heights[ACTION] - 3;
                    const stroke = moment.critical ? 'danger' : 'accent';
                    if (lines.length === 0) {
                        // The role meets the customer here but the file says nothing more: an empty
                        // card would read as something missing from the drawing, so only a quiet
                        // dot in the role's lane, at the end of the link, says who.
                        group.children.push({ kind: 'line', x1: x + COLUMN / 2, y1: actionBottom, x2: x + COLUMN / 2, y2: top + 6, stroke, strokeWidth: 1, dash: '3 3', className: 'contact-link' });
                        group.children.push({ kind: 'circle', cx: x + COLUMN / 2, cy: top + 10, r: 4, fill: 'background', stroke, strokeWidth: 1, className: 'frontstage-contact' });
                        return;
                    }
                    group.children.push({ kind: 'line', x1: x + COLUMN / 2, y1: actionBottom, x2: x + COLUMN / 2, y2: top + 3, stroke, strokeWidth: 1, dash: '3 3', className: 'contact-link' });
                    group.children.push({
                        kind: 'rect', x: x + 3, y: top + 3, width: COLUMN - 6, height: lines.length * LINE + PAD, rx: 4,
                        fill: 'background', stroke, strokeWidth: 1, dash: moment.channel === 'none' ? '4 3' : undefined, className: 'frontstage-card'
                    });
                }
                if (lines.length === 0) return;
                group.children.push({ kind: 'text', x: x + PAD, y: top + PAD + SIZE, lines, size: SIZE, lineHeight: LINE, fill: 'ink', className: `cell lane-${lane.kind}` });
                textBoxes.push({ x: x + PAD, y: top + PAD, width: lines.reduce((w, t) => Math.max(w, textWidth(t, SIZE)), 0), height: lines.length * LINE });
            });
            nodes.push(group);
        }
        if (moments.length === 0) nodes.push({ kind: 'text', x: HEAD + 10, y: laneTops[ACTION] + 22, lines: [words.noMoments], size: 12, fill: 'muted' });
        rowTop = rowBottom + ROW_GAP;
    }
    for (const node of legendNodes(stats, 12, rowTop - ROW_GAP + 20, width - 24, 'blueprint', words, legendExtras)) nodes.push(node);
    return { view: 'blueprint', width, height, title: `${isolateLine(cycle.label)} — ${words.titles.blueprint}`, nodes, labelBoxes, textBoxes, badgeBoxes };
}

/**
 * The customer-action card: the moment's label, its wait, then each risk with its
 * fail point, then the "no prevention" tag: stacked, so no mark covers any text.
 */
function actionCardNodes(group: GroupNode, moment: MomentModel, card: ActionCard, x: number, top: number, height: number,
    labelBoxes: Map<string, Box>, textBoxes: Box[], badgeBoxes: Box[]): void {
    group.children.push({
        kind: 'rect', x: x + 3, y: top + 3, width: COLUMN - 6, height: height - 6, rx: 4, fill: 'background',
        stroke: moment.critical ? 'danger' : 'accent', strokeWidth: moment.unmitigated ? 3 : moment.critical ? 2.5 : 1,
        dash: moment.unmitigated ? '6 4' : undefined, className: 'action-card'
    });
    let y = top + PAD;
    group.children.push({
        kind: 'text', x: x + PAD, y: y + SIZE, lines: card.label, size: SIZE, lineHeight: LINE, weight: 'bold',
        fill: moment.critical ? 'danger' : 'ink', className: 'cell lane-1 lane-action'
    });
    labelBoxes.set(moment.id, { x: x + PAD, y, width: card.label.reduce((w, t) => Math.max(w, textWidth(t, SIZE, true)), 0), height: card.label.length * LINE });
    y += card.label.length * LINE;
    if (card.wait.length > 0) {
        group.children.push({ kind: 'text', x: x + PAD, y: y + 10, lines: card.wait, size: 10, lineHeight: 13, fill: 'muted', className: 'wait' });
        textBoxes.push({ x: x + PAD, y: y + 1, width: card.wait.reduce((w, t) => Math.max(w, textWidth(t, 10)), 0), height: card.wait.length * 13 });
        y += card.wait.length * 13;
    }
    if (card.risks.length > 0) y += 4;
    for (const lines of card.risks) {
        const fx = x + PAD + 8;
        const fy = y + 8;
        for (const node of failPointMark(fx, fy)) group.children.push(node);
        badgeBoxes.push({ x: fx - 8, y: fy - 8, width: 16, height: 16 });
        group.children.push({ kind: 'text', x: fx + 12, y: y + RISK_SIZE + 1, lines, size: RISK_SIZE, lineHeight: RISK_LINE, fill: 'danger', className: 'fail-point-risk' });
        textBoxes.push({ x: fx + 12, y: y + 1, width: lines.reduce((w, t) => Math.max(w, textWidth(t, RISK_SIZE)), 0), height: lines.length * RISK_LINE });
        y += Math.max(1, lines.length) * RISK_LINE + 4;
    }
    if (card.tag) {
        const tagWidth = Math.min(COLUMN - 2 * PAD - 4, textWidth(`! ${card.tag}`, 10, true) + 14);
        group.children.push({
            kind: 'group', className: 'no-prevention-tag badge', children: [
                { kind: 'rect', x: x + PAD, y: y + 4, width: tagWidth, height: 16, rx: 3, fill: 'warning', stroke: 'ink', strokeWidth: 1.5, dash: '4 2.5' },
                { kind: 'text', x: x + PAD + 7, y: y + 16, lines: wrapText(`! ${card.tag}`, tagWidth - 10, 10, 1, true), size: 10, weight: 'bold', fill: 'warningInk' }
            ]
        });
        textBoxes.push({ x: x + PAD, y: y + 4, width: tagWidth, height: 16 });
    }
}
