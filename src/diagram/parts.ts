import { TIME_UNIT_SECONDS } from '../domain/vocabulary.js';
import type { UnitKind, Words } from '../domain/words/index.js';
import { cycleStats, type DrawnCycle, type DurationModel, type MomentModel } from '../model/cycle-model.js';
import type { Paint, SceneNode, ViewName } from './scene.js';
import { textWidth, wrapText } from './text.js';

/** `moment`, plus `critical` and `unmitigated` where they apply: the SVG contract. */
export function momentClasses(moment: MomentModel): string {
    return ['moment', moment.critical ? 'critical' : '', moment.unmitigated ? 'unmitigated' : '', moment.channel === 'none' ? 'no-contact' : '', moment.achievesGoal ? 'achieves-goal' : '']
        .filter(Boolean).join(' ');
}

function unitKind(duration: DurationModel): UnitKind {
    const seconds = TIME_UNIT_SECONDS[duration.unit] ?? 60;
    return seconds >= 604800 ? 'week' : seconds >= 86400 ? 'day' : seconds >= 3600 ? 'hour' : seconds >= 60 ? 'min' : 'sec';
}

function amountOf(duration: DurationModel, words: Words): string {
    return `${duration.amount} ${words.unit(unitKind(duration), duration.amount)}`;
}

/** The wait as a time standard: `wait 10–20 min`, `wait at most 5 days`, or nothing. */
export function formatWait(moment: MomentModel, words: Words): string | undefined {
    const target = moment.waitTarget;
    const limit = moment.waitLimit;
    if (!target && !limit) return undefined;
    if (target && limit && unitKind(target) === unitKind(limit)) return words.waitRange(String(target.amount), amountOf(limit, words));
    if (target && limit) return words.waitRange(amountOf(target, words), amountOf(limit, words));
    if (target) return words.waitTarget(amountOf(target, words));
    return words.waitLimit(amountOf(limit!, words));
}

/** The legend's counts, in the diagram's words. */
export function statsText(cycle: Pick<DrawnCycle, 'moments'>, words: Words): string {
    const stats = cycleStats(cycle);
    return words.stats(stats.moments, stats.critical, stats.unmitigated);
}

/**
 * The colour of phase `index` of `count`: two colours alternating, and a third for
 * the last phase when the count is odd, so that neighbours always differ, the last
 * and the first included (they meet at twelve o'clock on the clock).
 */
export function phasePaint(index: number, count: number): Paint {
    if (count > 1 && count % 2 === 1 && index === count - 1) return 'phaseC';
    return index % 2 === 0 ? 'phaseA' : 'phaseB';
}

/** A role's name as people say it: its label, else its id. */
export function roleName(cycle: DrawnCycle, id: string): string {
    return cycle.roles.find(r => r.id === id)?.label || id;
}

export function titleNodes(cycle: DrawnCycle, width: number, words: Words): SceneNode[] {
    const nodes: SceneNode[] = [{ kind: 'text', x: 24, y: 30, lines: wrapText(cycle.label || cycle.id, width - 48, 18, 1), size: 18, weight: 'bold', fill: 'ink', className: 'diagram-title' }];
    const subtitle = [cycle.customer, cycle.stage ? `${words.stage}: ${words.stages[cycle.stage]}` : undefined].filter(Boolean).join(' · ');
    if (subtitle) nodes.push({ kind: 'text', x: 24, y: 50, lines: wrapText(subtitle, width - 48, 12, 1), size: 12, fill: 'muted', className: 'diagram-subtitle' });
    return nodes;
}

/**
 * The heavy broken ring around an unmitigated critical moment's marker: a shape that
 * reads in grayscale and from the back of a room, not only a colour.
 */
export function unmitigatedRing(x: number, y: number, r: number): SceneNode[] {
    return [{ kind: 'circle', cx: x, cy: y, r, fill: 'none', stroke: 'ink', strokeWidth: 3, dash: '5 3.5', className: 'unmitigated-ring' }];
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

/** The blueprint's fail point: a circled "F" at (x, y) (its risk is written beside it). */
export function failPointMark(x: number, y: number, className: string | undefined = 'fail-point'): SceneNode[] {
    return [
        { kind: 'circle', cx: x, cy: y, r: 8, fill: 'danger', className },
        { kind: 'text', x, y: y + 4, lines: ['F'], size: 10, anchor: 'middle', weight: 'bold', fill: 'dangerInk' }
    ];
}

/** What a view draws beyond its usual marks, for the legend to explain. */
export interface LegendExtras {
    /** The view shows fail points (the blueprint's circled "F"). */
    failPoints?: boolean;
    /** The view paints survey results, held to this CSAT target (0..1). */
    csatTarget?: number;
}

interface LegendKey { marks: (x: number, y: number) => SceneNode[]; text: string }

function legendKeys(view: ViewName, extras: LegendExtras, words: Words): LegendKey[] {
    const keys: LegendKey[] = [
        { marks: (x, y) => [{ kind: 'circle', cx: x, cy: y, r: 6, fill: 'accent' }], text: words.moment },
        { marks: (x, y) => [{ kind: 'circle', cx: x, cy: y, r: 7, fill: 'danger' }], text: words.critical }
    ];
    if (extras.failPoints) keys.push({ marks: (x, y) => failPointMark(x - 1, y, 'legend-fail-point'), text: words.failPoint });
    if (view === 'ipa') return keys;
    keys.push({
        marks: (x, y) => view === 'blueprint'
            ? [{ kind: 'rect', x: x - 7, y: y - 6, width: 16, height: 12, rx: 2, fill: 'warning', stroke: 'ink', strokeWidth: 1.5, dash: '4 2.5' }]
            : [{ kind: 'circle', cx: x, cy: y, r: 4, fill: 'danger' }, ...unmitigatedRing(x, y, 8)],
        text: `${words.unmitigated}: ${words.noPrevention}`
    });
    if (view !== 'blueprint') {
        keys.push({ marks: (x, y) => [{ kind: 'circle', cx: x, cy: y, r: 6, fill: 'background', stroke: 'ink', strokeWidth: 2 }], text: words.noContact });
        keys.push({ marks: (x, y) => [{ kind: 'circle', cx: x, cy: y, r: 7, fill: 'none', stroke: 'goal', strokeWidth: 3 }], text: words.achievesGoal });
    }
    if (view === 'journey') keys.push({ marks: (x, y) => notRatedMark(x, y, 7, false), text: words.notRated });
    return keys;
}

/** The keys of survey results' marks, when the view paints them: a second row of the legend. */
function resultsKeys(view: ViewName, extras: LegendExtras, words: Words): LegendKey[] {
    const keys: LegendKey[] = [];
    if (extras.csatTarget !== undefined) {
        const target = `${Math.round(extras.csatTarget * 100)}%`;
        if (view === 'clock') {
            keys.push({ marks: (x, y) => [{ kind: 'line', x1: x - 8, y1: y, x2: x + 8, y2: y, stroke: 'onTarget', strokeWidth: 7 }], text: words.results.keyOnTarget(target) });
            keys.push({ marks: (x, y) => [{ kind: 'line', x1: x - 8, y1: y, x2: x + 8, y2: y, stroke: 'belowTarget', strokeWidth: 7, dash: '4 3' }], text: words.results.keyBelowTarget(target) });
        }
        if (view === 'journey') {
            keys.push({ marks: (x, y) => [{ kind: 'line', x1: x - 9, y1: y, x2: x + 9, y2: y, stroke: 'accent', strokeWidth: 2.5 }, { kind: 'circle', cx: x, cy: y, r: 4, fill: 'accent' }], text: words.results.designed });
            keys.push({ marks: (x, y) => [{ kind: 'line', x1: x - 9, y1: y, x2: x + 9, y2: y, stroke: 'measured', strokeWidth: 2, dash: '5 3' }, { kind: 'rect', x: x - 4, y: y - 4, width: 8, height: 8, fill: 'background', stroke: 'measured', strokeWidth: 2 }], text: words.results.measured });
        }
        if (view === 'clock' || view === 'ipa') {
            keys.push({ marks: (x, y) => [{ kind: 'circle', cx: x, cy: y, r: 4, fill: 'danger' }, { kind: 'rect', x: x - 7, y: y - 7, width: 14, height: 14, rx: 2, fill: 'none', stroke: 'ink', strokeWidth: 4 }, { kind: 'rect', x: x - 7, y: y - 7, width: 14, height: 14, rx: 2, fill: 'none', stroke: 'danger', strokeWidth: 2 }], text: `${words.results.keyFailing} (< ${target})` });
        }
        if (view === 'ipa') keys.push({ marks: (x, y) => [{ kind: 'line', x1: x - 9, y1: y, x2: x + 9, y2: y, stroke: 'muted', strokeWidth: 1.5, dash: '5 4' }], text: words.results.means });
    }
    return keys;
}

/** The keys' room: the mark, its text, and a gap before the next. */
function keyAdvance(key: LegendKey): number {
    return Math.ceil(20 + textWidth(key.text, 11) + 18);
}

function keysStart(stats: string): number {
    return Math.max(290, Math.ceil(textWidth(stats, 13, true) + 24));
}

/** How far below the first row of the legend the second (survey results) row sits. */
export const LEGEND_ROW = 24;

/** How tall the legend is: one row, or two when the view paints survey results. */
export function legendRows(view: ViewName, extras: LegendExtras, words: Words): number {
    return resultsKeys(view, extras, words).length > 0 ? 2 : 1;
}

/** How wide the legend is drawn: a diagram must be at least this wide plus its margins. */
export function legendWidth(stats: string, view: ViewName, words: Words, extras: LegendExtras = {}): number {
    const row = (keys: LegendKey[]) => keysStart(stats) + keys.reduce((sum, k) => sum + keyAdvance(k), 0) - 14;
    return Math.max(row(legendKeys(view, extras, words)), row(resultsKeys(view, extras, words)));
}

/** The legend: counts, and what each mark means; survey results' marks on a row of their own. */
export function legendNodes(stats: string, x: number, y: number, width: number, view: ViewName, words: Words, extras: LegendExtras = {}): SceneNode[] {
    const nodes: SceneNode[] = [
        { kind: 'line', x1: x, y1: y, x2: x + width, y2: y, stroke: 'faint', strokeWidth: 1 },
        { kind: 'text', x, y: y + 24, lines: [stats], size: 13, weight: 'bold', fill: 'ink', className: 'legend-counts' }
    ];
    const row = (keys: LegendKey[], top: number, className: string, into: SceneNode[]) => {
        let cursor = x + keysStart(stats);
        for (const key of keys) {
            for (const mark of key.marks(cursor + 6, top + 19)) into.push(mark);
            into.push({ kind: 'text', x: cursor + 20, y: top + 23, lines: [key.text], size: 11, fill: 'muted', className });
            cursor += keyAdvance(key);
        }
    };
    row(legendKeys(view, extras, words), y, 'legend-key', nodes);
    // A group of its own, so the visual diff, which redraws the first row, keeps it.
    const results: SceneNode[] = [];
    row(resultsKeys(view, extras, words), y + LEGEND_ROW, 'legend-key results-key', results);
    if (results.length > 0) nodes.push({ kind: 'group', className: 'results-keys', children: results });
    return [{ kind: 'group', className: 'legend', children: nodes }];
}
