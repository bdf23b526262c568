import { isolateLine } from '../domain/neutralise/svg.js';
import type { DrawnCycle } from '../model/cycle-model.js';
import type { MomentFigures } from '../results/results-types.js';
import { wordsOf, type LayoutOptions } from './layout-options.js';
import type { Box, GroupNode, Scene, SceneNode } from './scene.js';
import { textWidth, wrapText } from './text.js';
import { LEGEND_ROW, legendNodes, legendRows, legendWidth, momentClasses, notRatedMark, phasePaint, statsText, titleNodes, unmitigatedBadge, unmitigatedRing, type LegendExtras } from './parts.js';
import { figuresOf } from './results-marks.js';

const STEP = 96;
const LEFT = 110;
const TOP = 96;
const PLOT = 250;

/** How far under "1 very bad" the row of moments without `feels` sits: clearly apart. */
const NOT_RATED_GAP = 44;

/**
 * The customer journey: how each moment feels (`feels`, 1–5) along the cycle, with
 * the phases as bands behind it. Critical moments stand out in the danger colour. A
 * moment without `feels` sits in a row of its own under the scale, marked "?"
 * (not hollow: hollow means no contact); the curve is solid between consecutive
 * rated moments and dashed across unrated ones, since a guess would mislead.
 *
 * With survey results, the measured curve (1 + 4 × performance, on the same scale)
 * runs beside the designed one: orange, dashed, with square points, so it is told
 * apart without colour; it breaks at moments without figures rather than guess.
 */
export function layoutJourney(cycle: DrawnCycle, options: LayoutOptions = {}): Scene {
    const words = wordsOf(cycle, options);
    const moments = cycle.moments;
    const stats = statsText(cycle, words);
    const legendExtras: LegendExtras = options.results ? { csatTarget: options.results.csatTarget } : {};
    const width = Math.max(LEFT + Math.max(1, moments.length) * STEP + 40, Math.ceil(48 + legendWidth(stats, 'journey', words, legendExtras)));
    const xOf = (i: number) => LEFT + i * STEP + STEP / 2;
    const yOf = (feels: number) => TOP + PLOT - ((Math.min(5, Math.max(1, feels)) - 1) / 4) * PLOT;
    const labelLines = moments.map(m => wrapText(m.label || m.id, STEP - 10, 10, 4, m.critical !== null));
    const labelHeight = labelLines.reduce((tallest, l) => Math.max(tallest, l.length * 12), 14);
    const notRated = TOP + PLOT + NOT_RATED_GAP;
    const bandBottom = notRated + 18;
    const axis = bandBottom + 8;
    const height = axis + 30 + labelHeight + 80 + (legendRows('journey', legendExtras, words) - 1) * LEGEND_ROW;
    const nodes: SceneNode[] = [...titleNodes(cycle, width, words)];

    const index = new Map(moments.map((m, i) => [m.id, i]));
    cycle.phases.forEach((phase, p) => {
        const members = phase.moments.map(id => index.get(id)).filter((i): i is number => i !== undefined);
        if (members.length === 0) return;
        const x = LEFT + members.reduce((a, b) => Math.min(a, b), Infinity) * STEP;
        const w = (members.reduce((a, b) => Math.max(a, b), -Infinity) - members.reduce((a, b) => Math.min(a, b), Infinity) + 1) * STEP;
        nodes.push({ kind: 'group', className: 'phase', data: { phase: phase.label }, title: phase.label, children: [
            { kind: 'rect', x, y: TOP - 24, width: w, height: bandBottom - (TOP - 24), fill: p % 2 === 0 ? 'band' : 'background' },
            { kind: 'text', x: x + 6, y: TOP - 10, lines: wrapText(phase.label, w - 12, 11, 1), size: 11, weight: 'bold', fill: phasePaint(p, cycle.phases.length) }
        ] });
    });
    words.feels.forEach((name, i) => {
        const y = yOf(i + 1);
        nodes.push({ kind: 'line', x1: LEFT, y1: y, x2: width - 30, y2: y, stroke: 'faint', strokeWidth: i === 2 ? 1.5 : 0.75, dash: i === 2 ? undefined : '2 4' });
        nodes.push({ kind: 'text', x: LEFT - 10, y: y + 4, lines: [`${i + 1} ${name}`], size: 10, anchor: 'end', fill: 'muted' });
    });
    // The row of unrated moments, apart from the scale and ruled off from it.
    const rule = TOP + PLOT + NOT_RATED_GAP / 2;
    nodes.push({ kind: 'line', x1: LEFT - 90, y1: rule, x2: width - 30, y2: rule, stroke: 'faint', strokeWidth: 1, className: 'not-rated-rule' });
    nodes.push({ kind: 'text', x: LEFT - 10, y: notRated + 4, lines: [words.notRatedRow], size: 10, anchor: 'end', fill: 'muted', italic: true, className: 'not-rated-row' });

    // The curve: solid between consecutive rated moments, dashed across unrated ones.
    const rated = moments.map((m, i) => ({ m, i })).filter(({ m }) => m.feels !== null);
    let d = '';
    let gaps = '';
    rated.forEach(({ m, i }, k) => {
        const previous = rated[k - 1];
        const point = `${xOf(i)},${round(yOf(m.feels!))}`;
        if (previous && previous.i === i - 1) d += `L${point} `;
        else {
            d += `M${point} `;
            if (previous) gaps += `M${xOf(previous.i)},${round(yOf(previous.m.feels!))} L${point} `;
        }
    });
    if (gaps) nodes.push({ kind: 'path', d: gaps.trim(), fill: 'none', stroke: 'accent', strokeWidth: 1.5, dash: '5 4', className: 'feels-gap' });
    if (d) nodes.push({ kind: 'path', d: d.trim(), fill: 'none', stroke: 'accent', strokeWidth: 2.5, className: 'feels-curve' });
    for (const node of measuredCurve(cycle, figuresOf(cycle, options.results), xOf, yOf)) nodes.push(node);

    const labelBoxes = new Map<string, Box>();
    moments.forEach((moment, i) => {
        const x = xOf(i);
        const known = moment.feels !== null;
        const y = known ? yOf(moment.feels!) : notRated;
        const r = moment.critical ? 9 : 6;
        const group: GroupNode = { kind: 'group', className: momentClasses(moment), data: { moment: moment.id, step: String(moment.step) }, title: moment.label, children: [] };
        if (moment.achievesGoal) group.children.push({ kind: 'circle', cx: x, cy: y, r: r + 5, fill: 'none', stroke: 'goal', strokeWidth: 3 });
        if (known) {
            group.children.push({
                kind: 'circle', cx: x, cy: y, r, fill: moment.channel === 'none' ? 'background' : moment.critical ? 'danger' : 'accent',
                stroke: moment.critical ? 'danger' : 'accent', strokeWidth: 1.5, className: 'point'
            });
        } else {
            for (const node of notRatedMark(x, y, r + 1, moment.critical !== null)) group.children.push(node);
        }
        if (moment.unmitigated) {
            for (const node of unmitigatedRing(x, y, r + 5)) group.children.push(node);
            for (const node of unmitigatedBadge(x + r + 3, y - r - 3)) group.children.push(node);
        }
        group.children.push({ kind: 'text', x, y: axis + 14, lines: [String(moment.step)], size: 11, anchor: 'middle', weight: 'bold', fill: moment.critical ? 'danger' : 'ink', className: 'step' });
        group.children.push({ kind: 'text', x, y: axis + 30, lines: labelLines[i], size: 10, lineHeight: 12, anchor: 'middle', fill: moment.critical ? 'danger' : 'muted', weight: moment.critical ? 'bold' : 'normal', className: 'label' });
        const widest = labelLines[i].reduce((most, l) => Math.max(most, textWidth(l, 10, moment.critical !== null)), 0);
        labelBoxes.set(moment.id, { x: x - widest / 2, y: axis + 20, width: widest, height: labelLines[i].length * 12 });
        nodes.push(group);
    });
    if (moments.length === 0) nodes.push({ kind: 'text', x: LEFT + 10, y: TOP + PLOT / 2, lines: [words.noMoments], size: 12, fill: 'muted' });
    for (const node of legendNodes(stats, 24, height - 56 - (legendRows('journey', legendExtras, words) - 1) * LEGEND_ROW, width - 48, 'journey', words, legendExtras)) nodes.push(node);
    return { view: 'journey', width, height, title: `${isolateLine(cycle.label)} — ${words.titles.journey}`, nodes, labelBoxes };
}

/** The measured curve: a dashed line through square points at 1 + 4 × performance, broken where a moment has no figure. */
function measuredCurve(cycle: DrawnCycle, figures: Map<string, MomentFigures>, xOf: (i: number) => number, yOf: (feels: number) => number): SceneNode[] {
    if (figures.size === 0) return [];
    const points = cycle.moments.map((m, i) => {
        const performance = figures.get(m.id)?.performance;
        return performance === null || performance === undefined ? null : { id: m.id, x: xOf(i), y: round(yOf(1 + 4 * performance)), performance };
    });
    let d = '';
    points.forEach((p, i) => { if (p) d += `${points[i - 1] ? 'L' : 'M'}${p.x},${p.y} `; });
    const nodes: SceneNode[] = [];
    if (d) nodes.push({ kind: 'path', d: d.trim(), fill: 'none', stroke: 'measured', strokeWidth: 2, dash: '6 4', className: 'measured-curve' });
    for (const p of points) {
        if (!p) continue;
        nodes.push({
            kind: 'group', className: 'measured-point', data: { measured: p.id }, title: `${round(1 + 4 * p.performance)} / 5`,
            children: [{ kind: 'rect', x: p.x - 5, y: p.y - 5, width: 10, height: 10, fill: 'background', stroke: 'measured', strokeWidth: 2.5 }]
        });
    }
    return [{ kind: 'group', className: 'measured', children: nodes }];
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}
