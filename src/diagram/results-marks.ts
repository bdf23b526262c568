import type { Words } from '../domain/words/index.js';
import type { Estimate, MomentFigures, SurveyResults, WaveFigures } from '../results/results-types.js';
import type { DrawnCycle, MomentModel } from '../model/cycle-model.js';
import type { Paint, SceneNode } from './scene.js';

/**
 * Survey results as a diagram draws them: the current wave's figures and the CSAT
 * target they are held to (`survey.csatTarget` of cycle.config.json). Optional on
 * every layout: without it a diagram is drawn exactly as before.
 */
export interface DiagramResults {
    readonly figures: WaveFigures;
    readonly csatTarget: number;
}

/**
 * What a cycle's diagrams paint of its surveys' results: the current wave of the
 * first survey (in file order) that has one. A cycle rarely runs two surveys about the
 * same moments; when it does, mixing their figures on one dial would hide which is
 * which, so one survey is drawn and `cycle survey analyse` reports each.
 */
export function diagramResultsOf(surveys: readonly SurveyResults[] | undefined, csatTarget: number): DiagramResults | undefined {
    const current = surveys?.find(s => s.current !== null)?.current;
    return current ? { figures: current, csatTarget } : undefined;
}

/** Every cycle's results to paint, by cycle id (those with none left out), from what loadSurveyResults gives. */
export function diagramResultsByCycle(surveys: ReadonlyMap<string, readonly SurveyResults[]>, csatTarget: number): Record<string, DiagramResults> {
    const out: Record<string, DiagramResults> = {};
    for (const [cycle, list] of surveys) {
        const results = diagramResultsOf(list, csatTarget);
        if (results) out[cycle] = results;
    }
    return out;
}

/**
 * Where a measured moment stands: `on-target` (CSAT ≥ target), `below` (its point
 * estimate under the target), `failing` (a critical moment whose CSAT upper bound is
 * under the target: clearly failing, the `critical-moment-failing` rule's test).
 */
export type Standing = 'on-target' | 'below' | 'failing';

export interface MeasuredMoment {
    readonly figures: MomentFigures;
    readonly csat: Estimate;
    readonly standing: Standing;
}

export function standingOf(csat: Estimate, critical: boolean, target: number): Standing {
    if (critical && csat.high < target) return 'failing';
    return csat.value >= target ? 'on-target' : 'below';
}

/** The moments of `cycle` with a measured CSAT, by id (figures of moments the cycle no longer has are left out). */
export function measuredMoments(cycle: DrawnCycle, results: DiagramResults | undefined): Map<string, MeasuredMoment> {
    const out = new Map<string, MeasuredMoment>();
    if (!results) return out;
    const byId = new Map(cycle.moments.map(m => [m.id, m]));
    for (const figures of results.figures.moments) {
        const moment = byId.get(figures.id);
        if (!moment || !figures.csat) continue;
        out.set(figures.id, { figures, csat: figures.csat, standing: standingOf(figures.csat, moment.critical !== null, results.csatTarget) });
    }
    return out;
}

/** A moment's figures, whether or not it has a CSAT (the journey and the scatter read performance and importance). */
export function figuresOf(cycle: DrawnCycle, results: DiagramResults | undefined): Map<string, MomentFigures> {
    const ids = new Set(cycle.moments.map(m => m.id));
    return new Map((results?.figures.moments ?? []).filter(f => ids.has(f.id)).map(f => [f.id, f]));
}

/** 0.4231 → "42%": whole percents, as a reader compares them to a target. */
export function percent(value: number): string {
    return `${Math.round(value * 100)}%`;
}

export function standingPaint(standing: Standing): Paint {
    return standing === 'failing' ? 'danger' : standing === 'on-target' ? 'onTarget' : 'belowTarget';
}

/** A dash that tells the standings apart in grayscale: solid on target, broken below, heavy solid when failing. */
export function standingDash(standing: Standing): string | undefined {
    return standing === 'below' ? '4 3' : undefined;
}

/** The figure line under a measured moment's label: `CSAT 42% n=150 · below target`. */
export function figureLine(measured: MeasuredMoment, words: Words): string {
    const where = measured.standing === 'on-target' ? words.results.onTarget : words.results.belowTarget;
    return `${words.results.csat(percent(measured.csat.value), measured.figures.n)} · ${where}`;
}

/**
 * The frame around a clearly failing critical moment's marker: a heavy square, a
 * shape no other mark uses (the unmitigated ring is a broken circle), so it reads
 * in grayscale and beside the "no prevention" ring.
 */
export function failingFrame(x: number, y: number, half: number): SceneNode[] {
    return [
        { kind: 'rect', x: x - half, y: y - half, width: 2 * half, height: 2 * half, rx: 2, fill: 'none', stroke: 'ink', strokeWidth: 5, className: 'failing-frame' },
        { kind: 'rect', x: x - half, y: y - half, width: 2 * half, height: 2 * half, rx: 2, fill: 'none', stroke: 'danger', strokeWidth: 2.5, className: 'failing-frame-inner' }
    ];
}

/** The tag under a failing moment's label: "× FAILING: below 80%" on the danger colour in a solid frame (the no-prevention tag's frame is broken). */
export function failingTag(text: string, x: number, y: number, width: number): SceneNode[] {
    return [{
        kind: 'group', className: 'failing-tag', children: [
            { kind: 'rect', x, y, width, height: 16, rx: 3, fill: 'danger', stroke: 'ink', strokeWidth: 2 },
            { kind: 'text', x: x + 8, y: y + 12, lines: [`× ${text}`], size: 11, weight: 'bold', fill: 'dangerInk' }
        ]
    }];
}

/** Whether a moment is a clearly failing critical one. */
export function isFailing(moment: MomentModel, measured: Map<string, MeasuredMoment>): boolean {
    return measured.get(moment.id)?.standing === 'failing';
}
