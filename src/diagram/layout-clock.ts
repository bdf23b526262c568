import { isolateLine } from '../domain/neutralise/svg.js';
import type { Words } from '../domain/words/index.js';
import type { DrawnCycle, MomentModel } from '../model/cycle-model.js';
import { wordsOf, type LayoutOptions } from './layout-options.js';
import { boxesOverlap, type Box, type GroupNode, type Scene, type SceneNode } from './scene.js';
import { textWidth, wrapText } from './text.js';
import { formatWait, LEGEND_ROW, legendNodes, legendRows, legendWidth, momentClasses, phasePaint, roleName, statsText, titleNodes, unmitigatedBadge, unmitigatedRing, type LegendExtras } from './parts.js';
import { failingFrame, failingTag, figureLine, measuredMoments, percent, standingDash, standingPaint, type MeasuredMoment } from './results-marks.js';

/** Beyond this many moments labels give way to numbered markers and a side list. */
export const MAX_LABELLED_MOMENTS = 60;

const LABEL_WIDTH = 200;
const LABEL_SIZE = 12;
const LINE = 15;
const GAP = 6;
const MARGIN = 24;
const HEADER = 64;
const LEGEND = 56;

/**
 * The dial grows in steps, not with every moment, so that adding a moment moves the
 * others only along the circle, by the change of their angle.
 */
export function dialRadius(count: number): number {
    if (count <= 12) return 170;
    if (count <= 24) return 220;
    if (count <= 40) return 270;
    if (count <= 80) return 330;
    // Beyond, room for every marker (at most 14 px in radius) on the circle: 24 px
    // of arc per moment, grown by twenty moments at a time.
    return Math.ceil((Math.ceil(count / 20) * 20 * MARKER_SPACING) / (2 * Math.PI));
}

/** The least arc between two markers' centres on a crowded dial. */
const MARKER_SPACING = 24;

/** Marker radius: larger for more severe critical moments. */
function markerRadius(moment: MomentModel): number {
    if (!moment.critical) return 8;
    return { low: 10, medium: 12, high: 14 }[moment.critical.severity];
}

/** The angle of step `index` of `count`, clockwise from twelve o'clock (radians). */
export function clockAngle(index: number, count: number): number {
    return -Math.PI / 2 + (2 * Math.PI * index) / Math.max(count, 1);
}

/** The tag under an unmitigated moment's label ("no prevention"): its height with the gap above it. */
const TAG = 20;
const CALLOUT_SIZE = 10;
const CALLOUT_LINE = 13;

interface PlacedLabel {
    moment: MomentModel; markerX: number; markerY: number; lines: string[]; muted: string[];
    /** The "no prevention" tag's text, when the moment is unmitigated. */
    tag: string | undefined;
    /** The measured CSAT line (survey results), and the failing tag's text for a clearly failing critical moment. */
    figure: { lines: string[]; measured: MeasuredMoment } | undefined;
    failing: string | undefined;
    /** The callout's lines (`--detail`), under the label. */
    callout: CalloutLine[];
    height: number; y: number;
}

interface CalloutLine { text: string; strong: boolean }

/** How far the unmitigated ring sits outside the marker. */
const RING_GAP = 7;

/** A critical moment's risks and mitigations, with their owners, as callout lines. */
function calloutLines(cycle: DrawnCycle, moment: MomentModel, words: Words): CalloutLine[] {
    const critical = moment.critical;
    if (!critical) return [];
    const width = LABEL_WIDTH - 12;
    const out: CalloutLine[] = [];
    const add = (text: string, strong: boolean) => { for (const line of wrapText(text, width, CALLOUT_SIZE, 3, strong)) out.push({ text: line, strong }); };
    for (const risk of critical.risks) add(`${words.risk}: ${risk.text}`, true);
    const owned = (text: string, owner: string | null) => `${text} (${owner ? roleName(cycle, owner) : words.noOwner})`;
    for (const m of critical.prevent) add(`${words.prevent}: ${owned(m.text, m.owner)}`, false);
    if (critical.prevent.length === 0) add(`${words.prevent}: —`, true);
    for (const m of critical.recover) add(`${words.recover}: ${owned(m.text, m.owner)}`, false);
    return out;
}

/**
 * The classic cycle-of-service clock: moments around a circle in order, starting
 * at twelve o'clock; the goal in the centre; phases as arcs; critical moments in the
 * danger colour, sized by severity; a badge on unmitigated ones; `channel none`
 * hollow. Labels sit in two columns beside the dial, spread so they never overlap,
 * each tied to its marker by a leader line. A moment's marker depends only on its
 * step and the number of steps, so adding one moves the others by no more than
 * their new angle.
 */
export function layoutClock(cycle: DrawnCycle, options: LayoutOptions = {}): Scene {
    const words = wordsOf(cycle, options);
    const moments = cycle.moments;
    const count = moments.length;
    const labelled = count <= MAX_LABELLED_MOMENTS;
    const radius = dialRadius(count);
    const columnGap = 56;
    const measured = measuredMoments(cycle, options.results);
    const legendExtras: LegendExtras = options.results ? { csatTarget: options.results.csatTarget } : {};
    const target = options.results ? percent(options.results.csatTarget) : '';

    // Labels: wrapped first, so the columns know how tall they are.
    const labels: PlacedLabel[] = [];
    const angles = moments.map((_, i) => clockAngle(i, count));
    if (labelled) {
        moments.forEach((moment, i) => {
            const lines = wrapText(moment.label || moment.id, LABEL_WIDTH, LABEL_SIZE, 3, moment.critical !== null);
            const wait = formatWait(moment, words);
            const muted = wait ? [wait] : [];
            const tag = moment.unmitigated ? words.noPrevention : undefined;
            const callout = options.detail ? calloutLines(cycle, moment, words) : [];
            const measure = measured.get(moment.id);
            // Wrapped like the label: a longer language ("di bawah sasaran") must stay within the column.
            const figure = measure ? { lines: wrapText(figureLine(measure, words), LABEL_WIDTH, 11, 2, measure.standing !== 'on-target'), measured: measure } : undefined;
            const failing = measure?.standing === 'failing' ? words.results.failing(target) : undefined;
            const height = (lines.length + muted.length + (figure?.lines.length ?? 0)) * LINE + (tag ? TAG : 0) + (failing ? TAG : 0) + (callout.length > 0 ? callout.length * CALLOUT_LINE + 12 : 0);
            labels.push({ moment, markerX: Math.cos(angles[i]) * radius, markerY: Math.sin(angles[i]) * radius, lines, muted, tag, figure, failing, callout, height, y: 0 });
        });
    }
    const right = labels.filter(l => l.markerX >= -1e-6);
    const left = labels.filter(l => l.markerX < -1e-6);
    const columnHeight = (column: PlacedLabel[]) => column.reduce((sum, l) => sum + l.height + GAP, 0);
    const sideListWidth = labelled ? 0 : 300;
    const sideListHeight = labelled ? 0 : count * LINE + 30;
    const dialHeight = 2 * (radius + 46);
    const bodyHeight = Math.max(dialHeight, columnHeight(right), columnHeight(left), sideListHeight);
    const stats = statsText(cycle, words);
    // Never narrower than the legend (words run longer in some languages): the dial and its columns centred.
    const contentWidth = MARGIN * 2 + (labelled ? 2 * (LABEL_WIDTH + columnGap) : 40) + 2 * (radius + 46) + sideListWidth;
    const width = Math.max(contentWidth, Math.ceil(2 * MARGIN + legendWidth(stats, 'clock', words, legendExtras)));
    const legendHeight = LEGEND + (legendRows('clock', legendExtras, words) - 1) * LEGEND_ROW;
    const height = HEADER + bodyHeight + legendHeight + MARGIN;
    const cx = Math.round((width - contentWidth) / 2) + MARGIN + (labelled ? LABEL_WIDTH + columnGap : 20) + radius + 46;
    const cy = HEADER + bodyHeight / 2;

    spreadColumn(right, cy, HEADER, HEADER + bodyHeight);
    spreadColumn(left, cy, HEADER, HEADER + bodyHeight);

    const nodes: SceneNode[] = [...titleNodes(cycle, width, words)];
    nodes.push({ kind: 'circle', cx, cy, r: radius, fill: 'none', stroke: 'faint', strokeWidth: 2, className: 'dial' });
    const goal = goalNodes(cycle, cx, cy, radius, words);
    const textBoxes: Box[] = [...goal.obstacles.boxes];
    const badgeBoxes: Box[] = [];
    for (const node of phaseArcs(cycle, cx, cy, radius, goal.obstacles, textBoxes, measured)) nodes.push(node);
    for (const node of goal.nodes) nodes.push(node);

    const labelBoxes = new Map<string, Box>();
    moments.forEach((moment, i) => {
        const mx = cx + Math.cos(angles[i]) * radius;
        const my = cy + Math.sin(angles[i]) * radius;
        const group: GroupNode = { kind: 'group', className: momentClasses(moment), data: { moment: moment.id, step: String(moment.step) }, title: moment.label, children: [] };
        const label = labels[i];
        if (label) {
            const onRight = label.markerX >= -1e-6;
            const boxX = onRight ? cx + radius + columnGap : cx - radius - columnGap - LABEL_WIDTH;
            const anchorX = onRight ? boxX - 4 : boxX + LABEL_WIDTH + 4;
            const anchorY = label.y + LINE / 2 + 2;
            group.children.push({ kind: 'path', d: leader(mx, my, anchorX, anchorY, onRight, markerRadius(moment)), fill: 'none', stroke: 'faint', strokeWidth: 1, className: 'leader' });
            const textX = onRight ? boxX : boxX + LABEL_WIDTH;
            group.children.push({
                kind: 'text', x: textX, y: label.y + LABEL_SIZE, lines: label.lines, size: LABEL_SIZE, lineHeight: LINE,
                anchor: onRight ? 'start' : 'end', fill: moment.critical ? 'danger' : 'ink', weight: moment.critical ? 'bold' : 'normal', className: 'label'
            });
            if (label.muted.length > 0) {
                group.children.push({ kind: 'text', x: textX, y: label.y + LABEL_SIZE + label.lines.length * LINE, lines: label.muted, size: 11, lineHeight: LINE, anchor: onRight ? 'start' : 'end', fill: 'muted', className: 'wait' });
            }
            let below = label.y + (label.lines.length + label.muted.length) * LINE;
            let widest = [...label.lines.map(l => textWidth(l, LABEL_SIZE, moment.critical !== null)), ...label.muted.map(l => textWidth(l, 11))].reduce((a, b) => Math.max(a, b), 0);
            if (label.figure) {
                const { standing } = label.figure.measured;
                group.children.push({
                    kind: 'text', x: textX, y: below + LABEL_SIZE, lines: label.figure.lines, size: 11, lineHeight: LINE, anchor: onRight ? 'start' : 'end',
                    fill: standingPaint(standing), weight: standing === 'on-target' ? 'normal' : 'bold', className: `csat-figure ${standing}`
                });
                widest = label.figure.lines.reduce((most, l) => Math.max(most, textWidth(l, 11, standing !== 'on-target')), widest);
                below += label.figure.lines.length * LINE;
            }
            if (label.failing) {
                const tagWidth = textWidth(`× ${label.failing}`, 11, true) + 18;
                widest = Math.max(widest, tagWidth);
                for (const node of failingTag(label.failing, onRight ? boxX : boxX + LABEL_WIDTH - tagWidth, below + 3, tagWidth)) group.children.push(node);
                below += TAG;
            }
            if (label.tag) {
                const tagWidth = textWidth(label.tag, 11, true) + 24;
                widest = Math.max(widest, tagWidth);
                for (const node of noPreventionTag(label.tag, onRight ? boxX : boxX + LABEL_WIDTH - tagWidth, below + 3, tagWidth)) group.children.push(node);
                below += TAG;
            }
            if (label.callout.length > 0) {
                widest = LABEL_WIDTH;
                for (const node of calloutNodes(label.callout, boxX, below + 4)) group.children.push(node);
            }
            labelBoxes.set(moment.id, { x: onRight ? boxX : boxX + LABEL_WIDTH - widest, y: label.y, width: widest, height: label.height });
        }
        const measure = measured.get(moment.id);
        if (measure) group.children.unshift(csatSegment(measure, i, count, cx, cy, radius));
        const failing = measure?.standing === 'failing';
        if (failing) for (const node of failingFrame(mx, my, failingHalf(moment))) group.children.push(node);
        for (const node of markerNodes(moment, mx, my)) group.children.push(node);
        if (moment.unmitigated || failing) {
            const r = Math.max(moment.unmitigated ? markerRadius(moment) + RING_GAP + 8 : 0, failing ? failingHalf(moment) + 3 : 0);
            badgeBoxes.push({ x: mx - r, y: my - r, width: 2 * r, height: 2 * r });
        }
        if (failing) group.className = `${group.className} failing`;
        nodes.push(group);
    });
    if (!labelled) for (const node of sideList(moments, cx + radius + 70, HEADER + 10, words, measured)) nodes.push(node);
    if (count === 0) {
        nodes.push({ kind: 'text', x: cx, y: cy + radius + 30, lines: [`${words.noMoments}: moment id "…"`], size: 12, anchor: 'middle', fill: 'muted' });
    }
    for (const node of legendNodes(stats, MARGIN, height - legendHeight + 8, width - 2 * MARGIN, 'clock', words, legendExtras)) nodes.push(node);
    return { view: 'clock', width: Math.round(width), height: Math.round(height), title: `${isolateLine(cycle.label)} — ${words.titles.clock}`, nodes, labelBoxes, textBoxes, badgeBoxes };
}

/** The tag under an unmitigated moment's label: "no prevention" on the warning colour, framed by a broken line like the ring. */
function noPreventionTag(text: string, x: number, y: number, width: number): SceneNode[] {
    return [{
        kind: 'group', className: 'no-prevention-tag', children: [
            { kind: 'rect', x, y, width, height: 16, rx: 3, fill: 'warning', stroke: 'ink', strokeWidth: 1.5, dash: '4 2.5' },
            { kind: 'text', x: x + 8, y: y + 12, lines: [`! ${text}`], size: 11, weight: 'bold', fill: 'warningInk' }
        ]
    }];
}

/** A critical moment's callout (`--detail`): its risks, and prevent and recover with owners, in a framed box. */
function calloutNodes(lines: CalloutLine[], x: number, y: number): SceneNode[] {
    const height = lines.length * CALLOUT_LINE + 8;
    const children: SceneNode[] = [{ kind: 'rect', x, y, width: LABEL_WIDTH, height, rx: 3, fill: 'band', stroke: 'danger', strokeWidth: 1 }];
    lines.forEach((line, i) => children.push({
        kind: 'text', x: x + 6, y: y + 4 + CALLOUT_SIZE + i * CALLOUT_LINE, lines: [line.text], size: CALLOUT_SIZE,
        weight: line.strong ? 'bold' : 'normal', fill: 'ink'
    }));
    return [{ kind: 'group', className: 'callout', children }];
}

/**
 * Places labels at their markers' height, then pushes them apart: down to clear the
 * one above, then up from the bottom edge. The column is tall enough for all of
 * them (the scene grows with the labels), so neither pass can push one off the edge.
 */
function spreadColumn(column: PlacedLabel[], cy: number, top: number, bottom: number): void {
    column.sort((a, b) => a.markerY - b.markerY);
    let cursor = top;
    for (const label of column) {
        label.y = Math.max(cy + label.markerY - label.height / 2, cursor);
        cursor = label.y + label.height + GAP;
    }
    let limit = bottom;
    for (let i = column.length - 1; i >= 0; i--) {
        const label = column[i];
        label.y = Math.min(label.y, limit - label.height);
        limit = label.y - GAP;
    }
}

function leader(mx: number, my: number, ax: number, ay: number, onRight: boolean, r: number): string {
    const startX = mx + (onRight ? r : -r);
    const elbowX = ax + (onRight ? -14 : 14);
    return `M${round(startX)},${round(my)} L${round(elbowX)},${round(ay)} L${round(ax)},${round(ay)}`;
}

function markerNodes(moment: MomentModel, x: number, y: number): SceneNode[] {
    const ring = markerRadius(moment) + RING_GAP;
    const r = markerRadius(moment);
    const hollow = moment.channel === 'none';
    const nodes: SceneNode[] = [];
    if (moment.achievesGoal) nodes.push({ kind: 'circle', cx: x, cy: y, r: r + 5, fill: 'none', stroke: 'goal', strokeWidth: 3, className: 'goal-ring' });
    nodes.push({
        kind: 'circle', cx: x, cy: y, r,
        fill: hollow ? 'background' : moment.critical ? 'danger' : 'accent',
        stroke: moment.critical ? 'danger' : hollow ? 'ink' : 'accent', strokeWidth: hollow ? 2 : 1, className: 'marker'
    });
    nodes.push({ kind: 'text', x, y: y + 4, lines: [String(moment.step)], size: moment.step > 99 ? 8 : 10, anchor: 'middle', weight: 'bold', fill: hollow ? 'ink' : moment.critical ? 'dangerInk' : 'background', className: 'step' });
    if (moment.unmitigated) {
        for (const node of unmitigatedRing(x, y, ring)) nodes.push(node);
        for (const node of unmitigatedBadge(x + ring * 0.75, y - ring * 0.75)) nodes.push(node);
    }
    return nodes;
}

/** What a phase label must keep clear of: boxes, and segments (the goal line). */
interface Obstacles { boxes: Box[]; segments: [number, number, number, number][] }

function segmentCrosses(box: Box, [x1, y1, x2, y2]: [number, number, number, number]): boolean {
    for (let t = 0; t <= 1; t += 0.05) {
        const x = x1 + (x2 - x1) * t;
        const y = y1 + (y2 - y1) * t;
        if (x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height) return true;
    }
    return false;
}

/**
 * Where a phase label goes: inside the dial, at the middle of its arc if that is
 * clear of the goal text, the goal line, the markers and the other phase labels;
 * else the nearest clear place, further out towards its arc or along it.
 */
function placePhaseLabel(lines: string[], middle: number, span: number, cx: number, cy: number, radius: number, markers: Box[], obstacles: Obstacles, placed: Box[]): { x: number; y: number; box: Box } {
    const width = lines.reduce((widest, l) => Math.max(widest, textWidth(l, 10, true)), 0);
    const height = lines.length * 12 + 4;
    const at = (angle: number, r: number) => {
        const x = cx + Math.cos(angle) * r;
        const y = cy + Math.sin(angle) * r;
        return { x, y, box: { x: x - width / 2 - 3, y: y - height / 2, width: width + 6, height } };
    };
    const clear = (box: Box) => !obstacles.boxes.some(b => boxesOverlap(b, box)) && !markers.some(b => boxesOverlap(b, box))
        && !placed.some(b => boxesOverlap(b, box)) && !obstacles.segments.some(seg => segmentCrosses(box, seg));
    const inner = radius * 0.7;
    const outer = radius - 24;
    const turn = Math.min(span / 2, Math.PI / 3);
    for (let r = inner; r <= outer + 1e-6; r += 6) {
        for (let k = 0; k * 0.04 <= turn; k++) {
            for (const sign of k === 0 ? [1] : [1, -1]) {
                const spot = at(middle + sign * k * 0.04, r);
                if (clear(spot.box)) return spot;
            }
        }
    }
    return at(middle, inner);
}

function phaseArcs(cycle: DrawnCycle, cx: number, cy: number, radius: number, obstacles: Obstacles, textBoxes: Box[], measured: Map<string, MeasuredMoment>): SceneNode[] {
    const count = cycle.moments.length;
    if (count === 0) return [];
    const index = new Map(cycle.moments.map((m, i) => [m.id, i]));
    const step = (2 * Math.PI) / count;
    const nodes: SceneNode[] = [];
    const markers = cycle.moments.map((m, i) => {
        const r = Math.max(markerRadius(m) + (m.unmitigated ? RING_GAP + 9 : m.achievesGoal ? 8 : 3), measured.get(m.id)?.standing === 'failing' ? failingHalf(m) + 4 : 0);
        const angle = clockAngle(i, count);
        return { x: cx + Math.cos(angle) * radius - r, y: cy + Math.sin(angle) * radius - r, width: 2 * r, height: 2 * r };
    });
    const placed: Box[] = [];
    cycle.phases.forEach((phase, p) => {
        const members = phase.moments.map(id => index.get(id)).filter((i): i is number => i !== undefined);
        if (members.length === 0) return;
        const first = members.reduce((a, b) => Math.min(a, b), Infinity);
        const last = members.reduce((a, b) => Math.max(a, b), -Infinity);
        const start = clockAngle(first, count) - step * 0.42;
        const end = clockAngle(last, count) + step * 0.42;
        const r = radius + 30;
        const large = end - start > Math.PI ? 1 : 0;
        // A phase holding every moment is a full circle: two half arcs, since an arc
        // whose ends coincide (as they do once rounded) draws nothing.
        const d = count === 1 || members.length === count
            ? `M${round(cx)},${round(cy - r)} A${r},${r} 0 1 1 ${round(cx)},${round(cy + r)} A${r},${r} 0 1 1 ${round(cx)},${round(cy - r)}`
            : `M${round(cx + Math.cos(start) * r)},${round(cy + Math.sin(start) * r)} A${r},${r} 0 ${large} 1 ${round(cx + Math.cos(end) * r)},${round(cy + Math.sin(end) * r)}`;
        const paint = phasePaint(p, cycle.phases.length);
        const middle = (start + end) / 2;
        const lines = wrapText(phase.label, 110, 10, 2);
        const spot = placePhaseLabel(lines, middle, end - start, cx, cy, radius, markers, obstacles, placed);
        placed.push(spot.box);
        textBoxes.push(spot.box);
        nodes.push({
            kind: 'group', className: 'phase', data: { phase: phase.label }, title: phase.label, children: [
                { kind: 'path', d, fill: 'none', stroke: paint, strokeWidth: 6, className: 'phase-arc' },
                { kind: 'text', x: spot.x, y: spot.y + 4 - (lines.length - 1) * 6, lines, size: 10, lineHeight: 12, anchor: 'middle', fill: paint, weight: 'bold', className: 'phase-label' }
            ]
        });
    });
    return nodes;
}

function goalNodes(cycle: DrawnCycle, cx: number, cy: number, radius: number, words: Words): { nodes: SceneNode[]; obstacles: Obstacles } {
    const nodes: SceneNode[] = [];
    const width = Math.max(120, radius * 1.1);
    const lines = wrapText(cycle.goal ?? words.noGoal, width, 15, 4);
    const top = cy - ((lines.length + 1) * 19) / 2 + 10;
    const textHalf = lines.reduce((widest, l) => Math.max(widest, textWidth(l, 15)), textWidth(words.goal, 10, true)) / 2 + 6;
    const obstacles: Obstacles = { boxes: [{ x: cx - textHalf, y: top - 14, width: 2 * textHalf, height: 20 + (lines.length - 1) * 19 + 24 }], segments: [] };
    nodes.push({ kind: 'text', x: cx, y: top, lines: [words.goal], size: 10, anchor: 'middle', fill: 'goal', weight: 'bold', className: 'goal-caption' });
    nodes.push({ kind: 'text', x: cx, y: top + 20, lines, size: 15, lineHeight: 19, anchor: 'middle', fill: cycle.goal ? 'ink' : 'muted', italic: !cycle.goal, className: 'goal' });
    const achiever = cycle.moments.findIndex(m => m.achievesGoal);
    if (achiever >= 0) {
        const angle = clockAngle(achiever, cycle.moments.length);
        const r = markerRadius(cycle.moments[achiever]) + 6;
        const from = radius - r;
        const to = Math.min(radius * 0.62, width / 2 + 10);
        const line = { x1: cx + Math.cos(angle) * from, y1: cy + Math.sin(angle) * from, x2: cx + Math.cos(angle) * to, y2: cy + Math.sin(angle) * to };
        nodes.push({ kind: 'line', ...line, stroke: 'goal', strokeWidth: 2, dash: '4 3', className: 'goal-link' });
        obstacles.segments.push([line.x1, line.y1, line.x2, line.y2]);
    }
    return { nodes, obstacles };
}

function sideList(moments: MomentModel[], x: number, y: number, words: Words, measured: Map<string, MeasuredMoment>): SceneNode[] {
    // A measured moment's CSAT leads its line (a label cut short would lose it), a failing one tagged.
    const figure = (moment: MomentModel) => {
        const measure = measured.get(moment.id);
        if (!measure) return '';
        return `[${measure.standing === 'failing' ? '× ' : ''}${words.results.csat(percent(measure.csat.value), measure.figures.n)}] `;
    };
    return [{
        kind: 'group', className: 'side-list', children: moments.map((moment, i) => ({
            kind: 'text' as const, x, y: y + 14 + i * LINE, lines: [`${moment.step}. ${moment.unmitigated ? `[${words.noPrevention}] ` : ''}${figure(moment)}${wrapText(moment.label || moment.id, 260, 11, 1)[0] ?? ''}`], size: 11,
            fill: moment.critical ? 'danger' as const : 'ink' as const, weight: moment.critical ? 'bold' as const : 'normal' as const, className: 'side-item'
        }))
    }];
}

/** Half the side of a failing moment's square frame: outside its marker and any unmitigated ring. */
function failingHalf(moment: MomentModel): number {
    return markerRadius(moment) + (moment.unmitigated ? RING_GAP + 4 : 5);
}

/**
 * A measured moment's CSAT as a segment of the dial around its marker, coloured by
 * where it stands against the target: solid on target, broken below, heavy and in
 * the danger colour when a critical moment clearly fails. Moments without figures
 * keep the plain dial.
 */
function csatSegment(measure: MeasuredMoment, index: number, count: number, cx: number, cy: number, radius: number): SceneNode {
    // A segment spans most of its step, at most 0.3 rad (a cycle of few moments).
    const half = Math.min(((2 * Math.PI) / count) * 0.4, 0.3);
    const angle = clockAngle(index, count);
    const [from, to] = [angle - half, angle + half];
    const d = `M${round(cx + Math.cos(from) * radius)},${round(cy + Math.sin(from) * radius)} A${radius},${radius} 0 0 1 ${round(cx + Math.cos(to) * radius)},${round(cy + Math.sin(to) * radius)}`;
    return {
        kind: 'path', d, fill: 'none', stroke: standingPaint(measure.standing), strokeWidth: measure.standing === 'failing' ? 10 : 7,
        dash: standingDash(measure.standing), className: `csat-ring ${measure.standing}`
    };
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}
