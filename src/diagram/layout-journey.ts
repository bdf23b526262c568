import { isolateLine } from '../domain/neutralise/svg.js';
import type { DrawnCycle } from '../model/cycle-model.js';
import { wordsOf, type LayoutOptions } from './layout-options.js';
import type { Box, GroupNode, Scene, SceneNode } from './scene.js';
import { textWidth, wrapText } from './text.js';
import { legendNodes, legendWidth, momentClasses, notRatedMark, phasePaint, statsText, titleNodes, unmitigatedBadge, unmitigatedRing } from './parts.js';

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
 */
export function layoutJourney(cycle: DrawnCycle, options: LayoutOptions = {}): Scene {
    const words = wordsOf(cycle, options);
    const moments = cycle.moments;
    const stats = statsText(cycle, words);
    const width = Math.max(LEFT + Math.max(1, moments.length) * STEP + 40, Math.ceil(48 + legendWidth(stats, 'journey', words)));
    const xOf = (i: number) => LEFT + i * STEP + STEP / 2;
    const yOf = (feels: number) => TOP + PLOT - ((Math.min(5, Math.max(1, feels)) - 1) / 4) * PLOT;
    const labelLines = moments.map(m => wrapText(m.label || m.id, STEP - 10, 10, 4, m.critical !== null));
    const labelHeight = labelLines.reduce((tallest, l) => Math.max(tallest, l.length * 12), 14);
    const notRated = TOP + PLOT + NOT_RATED_GAP;
    const bandBottom = notRated + 18;
    const axis = bandBottom + 8;
    const height = axis + 30 + labelHeight + 80;
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
    for (const node of legendNodes(stats, 24, height - 56, width - 48, 'journey', words)) nodes.push(node);
    return { view: 'journey', width, height, title: `${isolateLine(cycle.label)} — ${words.titles.journey}`, nodes, labelBoxes };
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}
