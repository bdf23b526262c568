import { isolateLine } from '../domain/neutralise/svg.js';
import type { Words } from '../domain/words/index.js';
import type { DrawnCycle, MomentModel } from '../model/cycle-model.js';
import type { Quadrant } from '../results/results-types.js';
import { wordsOf, type LayoutOptions } from './layout-options.js';
import { LEGEND_ROW, legendNodes, legendRows, legendWidth, statsText, titleNodes, type LegendExtras } from './parts.js';
import { failingFrame, measuredMoments, type DiagramResults } from './results-marks.js';
import { boxesOverlap, type Box, type GroupNode, type Scene, type SceneNode } from './scene.js';
import { textWidth, wrapText } from './text.js';

const MARGIN = 24;
const LEFT = 84;
const TOP = 96;
const PLOT = 520;
const LABEL_SIZE = 11;
const LABEL_LINE = 13;
const LABEL_WIDTH = 150;
const SIDE_WIDTH = 280;
const LEGEND = 56;

interface Point { moment: MomentModel; performance: number; importance: number; x: number; y: number; r: number; failing: boolean }

/**
 * The importance–performance scatter (Martilla and James): each moment with both a
 * measured performance (x) and an importance (y), cross-hairs at the means of those
 * moments (as the quadrants of the figures are drawn), the four quadrants named in
 * the cycle's language. The axes zoom to the data (in tenths, within 0..1). Points
 * carry the moment's step; labels go beside them, wherever they overlap no other
 * label, point or word, else into a list at the right. Without results it draws a
 * message instead of an empty plot.
 */
export function layoutIpa(cycle: DrawnCycle, options: LayoutOptions = {}): Scene {
    const words = wordsOf(cycle, options);
    const title = `${isolateLine(cycle.label)} — ${words.titles.ipa}`;
    if (!options.results) return messageScene(cycle, words, title, words.results.noResults);
    return scatter(cycle, options.results, words, title);
}

function messageScene(cycle: DrawnCycle, words: Words, title: string, text: string): Scene {
    const width = 720;
    const lines = wrapText(text, width - 2 * MARGIN, 14, 3);
    const nodes: SceneNode[] = [...titleNodes(cycle, width, words)];
    nodes.push({ kind: 'text', x: MARGIN, y: TOP, lines, size: 14, lineHeight: 18, italic: true, fill: 'muted', className: 'no-results' });
    const box = { x: MARGIN, y: TOP - 14, width: lines.reduce((w, l) => Math.max(w, textWidth(l, 14)), 0), height: lines.length * 18 };
    return { view: 'ipa', width, height: TOP + lines.length * 18 + MARGIN, title, nodes, labelBoxes: new Map(), textBoxes: [box], badgeBoxes: [] };
}

/** The axis range: the data's, padded by 0.05 and widened to whole tenths, at least 0.3 wide, within 0..1. */
export function axisRange(values: readonly number[]): [number, number] {
    const least = values.reduce((a, b) => Math.min(a, b), Infinity);
    const most = values.reduce((a, b) => Math.max(a, b), -Infinity);
    let low = Math.max(0, Math.floor((least - 0.05) * 10) / 10);
    let high = Math.min(1, Math.ceil((most + 0.05) * 10) / 10);
    while (high - low < 0.3 - 1e-9) {
        if (low > 0) low = Math.max(0, Math.round((low - 0.1) * 10) / 10);
        if (high - low < 0.3 - 1e-9 && high < 1) high = Math.min(1, Math.round((high + 0.1) * 10) / 10);
    }
    return [low, high];
}

function mean(values: readonly number[]): number {
    return values.reduce((a, b) => a + b, 0) / values.length;
}

function scatter(cycle: DrawnCycle, results: DiagramResults, words: Words, title: string): Scene {
    const measured = measuredMoments(cycle, results);
    const byId = new Map(results.figures.moments.map(f => [f.id, f]));
    const both = cycle.moments.filter(m => {
        const f = byId.get(m.id);
        return f !== undefined && f.performance !== null && f.importance !== null;
    });
    const unplaced = cycle.moments.filter(m => {
        const f = byId.get(m.id);
        return f !== undefined && f.performance !== null && f.importance === null;
    });
    if (both.length === 0) return messageScene(cycle, words, title, words.results.nothingToPlace);

    const performance = both.map(m => byId.get(m.id)!.performance!);
    const importance = both.map(m => byId.get(m.id)!.importance!);
    const [xLow, xHigh] = axisRange(performance);
    const [yLow, yHigh] = axisRange(importance);
    const xOf = (v: number) => LEFT + ((v - xLow) / (xHigh - xLow)) * PLOT;
    const yOf = (v: number) => TOP + PLOT - ((v - yLow) / (yHigh - yLow)) * PLOT;
    const meanX = mean(performance);
    const meanY = mean(importance);
    const plot: Box = { x: LEFT, y: TOP, width: PLOT, height: PLOT };

    const points: Point[] = both.map((moment, i) => ({
        moment, performance: performance[i], importance: importance[i], x: xOf(performance[i]), y: yOf(importance[i]),
        r: moment.critical ? 11 : 9, failing: measured.get(moment.id)?.standing === 'failing'
    }));
    const pointBoxes = points.map(p => {
        const reach = p.failing ? p.r + 6 : p.r + 2;
        return { x: p.x - reach, y: p.y - reach, width: 2 * reach, height: 2 * reach };
    });

    const nodes: SceneNode[] = [];
    const textBoxes: Box[] = [];
    const labelBoxes = new Map<string, Box>();

    // The concentrate quadrant shaded: where the eye should go first.
    const cx = xOf(meanX);
    const cy = yOf(meanY);
    nodes.push({ kind: 'rect', x: LEFT, y: TOP, width: cx - LEFT, height: cy - TOP, fill: 'band', className: 'quadrant-concentrate' });
    nodes.push({ kind: 'rect', x: LEFT, y: TOP, width: PLOT, height: PLOT, fill: 'none', stroke: 'faint', strokeWidth: 1, className: 'plot-frame' });

    // Grid and ticks every tenth.
    const tick = (v: number) => `${Math.round(v * 100)}%`;
    for (let k = Math.round(xLow * 10); k <= Math.round(xHigh * 10); k++) {
        const x = xOf(k / 10);
        nodes.push({ kind: 'line', x1: x, y1: TOP, x2: x, y2: TOP + PLOT, stroke: 'faint', strokeWidth: 0.5, dash: '2 4' });
        nodes.push({ kind: 'text', x, y: TOP + PLOT + 16, lines: [tick(k / 10)], size: 10, anchor: 'middle', fill: 'muted', className: 'tick' });
    }
    for (let k = Math.round(yLow * 10); k <= Math.round(yHigh * 10); k++) {
        const y = yOf(k / 10);
        nodes.push({ kind: 'line', x1: LEFT, y1: y, x2: LEFT + PLOT, y2: y, stroke: 'faint', strokeWidth: 0.5, dash: '2 4' });
        nodes.push({ kind: 'text', x: LEFT - 8, y: y + 4, lines: [tick(k / 10)], size: 10, anchor: 'end', fill: 'muted', className: 'tick' });
    }
    // Axis titles: importance above the y axis, performance under the x axis (no rotated text).
    const yTitle = `↑ ${words.results.importance}`;
    nodes.push({ kind: 'text', x: LEFT, y: TOP - 12, lines: [yTitle], size: 12, weight: 'bold', fill: 'ink', className: 'axis-title' });
    textBoxes.push({ x: LEFT, y: TOP - 24, width: textWidth(yTitle, 12, true), height: 15 });
    const xTitle = `${words.results.performance} →`;
    nodes.push({ kind: 'text', x: LEFT + PLOT, y: TOP + PLOT + 36, lines: [xTitle], size: 12, weight: 'bold', anchor: 'end', fill: 'ink', className: 'axis-title' });
    textBoxes.push({ x: LEFT + PLOT - textWidth(xTitle, 12, true), y: TOP + PLOT + 24, width: textWidth(xTitle, 12, true), height: 15 });

    // Cross-hairs at the means.
    nodes.push({ kind: 'line', x1: cx, y1: TOP, x2: cx, y2: TOP + PLOT, stroke: 'muted', strokeWidth: 1.5, dash: '5 4', className: 'mean-line' });
    nodes.push({ kind: 'line', x1: LEFT, y1: cy, x2: LEFT + PLOT, y2: cy, stroke: 'muted', strokeWidth: 1.5, dash: '5 4', className: 'mean-line' });

    // Quadrant names, each in a corner of its quadrant clear of the points, else outside the plot on its side.
    const quadrants: { quadrant: Quadrant; box: Box; top: boolean; left: boolean }[] = [
        { quadrant: 'concentrate', box: { x: LEFT, y: TOP, width: cx - LEFT, height: cy - TOP }, top: true, left: true },
        { quadrant: 'keep-up', box: { x: cx, y: TOP, width: LEFT + PLOT - cx, height: cy - TOP }, top: true, left: false },
        { quadrant: 'low-priority', box: { x: LEFT, y: cy, width: cx - LEFT, height: TOP + PLOT - cy }, top: false, left: true },
        { quadrant: 'overkill', box: { x: cx, y: cy, width: LEFT + PLOT - cx, height: TOP + PLOT - cy }, top: false, left: false }
    ];
    for (const q of quadrants) {
        const text = words.results.quadrants[q.quadrant];
        const w = textWidth(text, 12, true);
        const h = 15;
        const inside: Box[] = [
            { x: q.left ? q.box.x + 6 : q.box.x + q.box.width - 6 - w, y: q.top ? q.box.y + 6 : q.box.y + q.box.height - 6 - h, width: w, height: h },
            { x: q.left ? q.box.x + q.box.width - 6 - w : q.box.x + 6, y: q.top ? q.box.y + 6 : q.box.y + q.box.height - 6 - h, width: w, height: h },
            { x: q.left ? q.box.x + 6 : q.box.x + q.box.width - 6 - w, y: q.top ? q.box.y + q.box.height - 6 - h : q.box.y + 6, width: w, height: h },
            { x: q.left ? q.box.x + q.box.width - 6 - w : q.box.x + 6, y: q.top ? q.box.y + q.box.height - 6 - h : q.box.y + 6, width: w, height: h }
        ].filter(b => b.x >= q.box.x && b.x + b.width <= q.box.x + q.box.width && b.y >= q.box.y && b.y + b.height <= q.box.y + q.box.height);
        const outside: Box = q.top
            ? { x: q.left ? LEFT + textWidth(yTitle, 12, true) + 16 : LEFT + PLOT - w, y: TOP - 24, width: w, height: h }
            : { x: q.left ? LEFT : LEFT + PLOT - textWidth(xTitle, 12, true) - w - 16, y: TOP + PLOT + 24, width: w, height: h };
        const box = inside.find(b => !pointBoxes.some(p => boxesOverlap(p, b)) && !textBoxes.some(t => boxesOverlap(t, b))) ?? outside;
        textBoxes.push(box);
        nodes.push({
            kind: 'text', x: box.x, y: box.y + 12, lines: [text], size: 12, weight: 'bold',
            fill: q.quadrant === 'concentrate' ? 'danger' : 'muted', className: `quadrant-name ${q.quadrant}`, italic: q.quadrant !== 'concentrate'
        });
    }

    // Labels: beside their point where nothing is in the way, else in the side list.
    // The cross-hairs are kept clear too: a label across a mean line reads badly.
    const hairs: Box[] = [{ x: cx - 2, y: TOP, width: 4, height: PLOT }, { x: LEFT, y: cy - 2, width: PLOT, height: 4 }];
    const placed = placeLabels(points, pointBoxes, [...textBoxes, ...hairs], plot);
    const listed = points.filter(p => !placed.has(p.moment.id));
    const sideX = LEFT + PLOT + 40;
    const hasSide = listed.length > 0 || unplaced.length > 0;
    let sideY = TOP;
    const sideNodes: SceneNode[] = [];
    const sideItem = (text: string, moment: MomentModel, fill: 'ink' | 'danger' | 'muted') => {
        const lines = wrapText(text, SIDE_WIDTH, LABEL_SIZE, 2, moment.critical !== null);
        sideNodes.push({ kind: 'text', x: sideX, y: sideY + LABEL_SIZE, lines, size: LABEL_SIZE, lineHeight: LABEL_LINE, fill, weight: moment.critical ? 'bold' : 'normal', className: 'side-item' });
        const box = { x: sideX, y: sideY, width: lines.reduce((w, l) => Math.max(w, textWidth(l, LABEL_SIZE, moment.critical !== null)), 0), height: lines.length * LABEL_LINE };
        sideY += lines.length * LABEL_LINE + 4;
        return box;
    };
    for (const p of listed) labelBoxes.set(p.moment.id, sideItem(`${p.moment.step}. ${p.moment.label || p.moment.id}`, p.moment, p.moment.critical ? 'danger' : 'ink'));
    if (unplaced.length > 0) {
        sideY += 8;
        const heading = `${words.results.notPlaced}:`;
        sideNodes.push({ kind: 'text', x: sideX, y: sideY + LABEL_SIZE, lines: [heading], size: LABEL_SIZE, weight: 'bold', fill: 'muted', className: 'not-placed' });
        textBoxes.push({ x: sideX, y: sideY, width: textWidth(heading, LABEL_SIZE, true), height: LABEL_LINE });
        sideY += LABEL_LINE + 4;
        for (const m of unplaced) textBoxes.push(sideItem(`${m.step}. ${m.label || m.id}`, m, 'muted'));
    }

    for (const p of points) {
        const group: GroupNode = {
            kind: 'group', className: `moment${p.moment.critical ? ' critical' : ''}${p.failing ? ' failing' : ''}`,
            data: { moment: p.moment.id, step: String(p.moment.step), performance: String(p.performance), importance: String(p.importance) },
            title: p.moment.label, children: []
        };
        if (p.failing) for (const node of failingFrame(p.x, p.y, p.r + 3)) group.children.push(node);
        group.children.push({ kind: 'circle', cx: p.x, cy: p.y, r: p.r, fill: p.moment.critical ? 'danger' : 'accent', stroke: 'background', strokeWidth: 1.5, className: 'point' });
        group.children.push({ kind: 'text', x: p.x, y: p.y + 4, lines: [String(p.moment.step)], size: p.moment.step > 99 ? 8 : 10, anchor: 'middle', weight: 'bold', fill: p.moment.critical ? 'dangerInk' : 'background', className: 'step' });
        const label = placed.get(p.moment.id);
        if (label) {
            if (label.leader) group.children.push({ kind: 'line', ...label.leader, stroke: 'faint', strokeWidth: 1, className: 'leader' });
            group.children.push({
                kind: 'text', x: label.box.x, y: label.box.y + LABEL_SIZE, lines: label.lines, size: LABEL_SIZE, lineHeight: LABEL_LINE,
                fill: p.moment.critical ? 'danger' : 'ink', weight: p.moment.critical ? 'bold' : 'normal', className: 'label'
            });
            labelBoxes.set(p.moment.id, label.box);
        }
        nodes.push(group);
    }
    if (sideNodes.length > 0) nodes.push({ kind: 'group', className: 'side-list', children: sideNodes });

    const stats = statsText(cycle, words);
    const extras: LegendExtras = { csatTarget: results.csatTarget };
    const contentWidth = LEFT + PLOT + (hasSide ? 40 + SIDE_WIDTH : 0) + MARGIN;
    const width = Math.ceil(Math.max(contentWidth, 2 * MARGIN + legendWidth(stats, 'ipa', words, extras)));
    const legendHeight = LEGEND + (legendRows('ipa', extras, words) - 1) * LEGEND_ROW;
    const bottom = Math.max(TOP + PLOT + 48, sideY + 12);
    const height = Math.ceil(bottom + legendHeight + MARGIN);
    for (const node of legendNodes(stats, MARGIN, bottom + 8, width - 2 * MARGIN, 'ipa', words, extras)) nodes.push(node);
    return { view: 'ipa', width, height, title, nodes: [...titleNodes(cycle, width, words), ...nodes], labelBoxes, textBoxes, badgeBoxes: pointBoxes };
}

interface PlacedIpaLabel { box: Box; lines: string[]; leader?: { x1: number; y1: number; x2: number; y2: number } }

/**
 * Greedy placement, critical moments first: for each point, spots around it at
 * growing distances (eight directions), the first whose box stays inside the plot and
 * overlaps no placed label, no point and no other word. A label away from its point
 * gets a leader line.
 */
function placeLabels(points: Point[], pointBoxes: Box[], words: Box[], plot: Box): Map<string, PlacedIpaLabel> {
    const placed = new Map<string, PlacedIpaLabel>();
    const taken: Box[] = [];
    const order = points.map((_, i) => i).sort((a, b) => Number(points[b].moment.critical !== null) - Number(points[a].moment.critical !== null) || a - b);
    const directions = [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [-1, -1], [1, 1], [-1, 1]];
    for (const i of order) {
        const p = points[i];
        const bold = p.moment.critical !== null;
        const lines = wrapText(p.moment.label || p.moment.id, LABEL_WIDTH, LABEL_SIZE, 2, bold);
        if (lines.length === 0) continue;
        const w = lines.reduce((most, l) => Math.max(most, textWidth(l, LABEL_SIZE, bold)), 0);
        const h = lines.length * LABEL_LINE;
        let found: PlacedIpaLabel | undefined;
        for (let distance = p.r + 4; !found && distance <= 200; distance += 12) {
            for (const [dx, dy] of directions) {
                // The box's near edge (or centre, along an axis) at `distance` from the point.
                const x = dx > 0 ? p.x + distance : dx < 0 ? p.x - distance - w : p.x - w / 2;
                const y = dy > 0 ? p.y + distance : dy < 0 ? p.y - distance - h : p.y - h / 2;
                const box = { x, y, width: w, height: h };
                if (box.x < plot.x + 2 || box.y < plot.y + 2 || box.x + w > plot.x + plot.width - 2 || box.y + h > plot.y + plot.height - 2) continue;
                if (taken.some(b => boxesOverlap(b, box)) || pointBoxes.some(b => boxesOverlap(b, box)) || words.some(b => boxesOverlap(b, box))) continue;
                const near = { x: Math.max(box.x, Math.min(p.x, box.x + w)), y: Math.max(box.y, Math.min(p.y, box.y + h)) };
                const gap = Math.hypot(near.x - p.x, near.y - p.y);
                // The leader starts at the point's edge, so it never crosses the step number.
                const edge = { x: p.x + ((near.x - p.x) / gap) * p.r, y: p.y + ((near.y - p.y) / gap) * p.r };
                found = { box, lines, leader: gap > p.r + 10 ? { x1: edge.x, y1: edge.y, x2: near.x, y2: near.y } : undefined };
                break;
            }
        }
        if (found) {
            placed.set(p.moment.id, found);
            taken.push(found.box);
        }
    }
    return placed;
}
