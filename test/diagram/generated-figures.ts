import type { DrawnCycle } from '../../src/model/cycle-model.js';
import type { DiagramResults } from '../../src/diagram/results-marks.js';
import type { MomentFigures, WaveFigures } from '../../src/results/results-types.js';

/** A small seeded generator (mulberry32): the same figures on every run. */
function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const round4 = (v: number) => Math.round(v * 10000) / 10000;

/**
 * Made-up figures of one wave for the geometry tests: most moments measured (every
 * `skip`-th left out), CSAT anywhere in 0..1 with an interval as wide as n makes it,
 * some moments without importance. Figures are not computed from answers here: the
 * diagrams only draw them.
 */
export function generatedFigures(cycle: DrawnCycle, seed = 1, skip = 4): WaveFigures {
    const next = random(seed);
    const moments: MomentFigures[] = [];
    cycle.moments.forEach((m, i) => {
        if (i % skip === skip - 1) return;
        const n = 20 + Math.floor(next() * 200);
        const value = next();
        const half = 1.96 * Math.sqrt((value * (1 - value)) / n) + 0.02;
        const importance = i % 5 === 3 ? null : round4(next());
        moments.push({
            id: m.id, n, performance: round4(0.15 + 0.8 * next()),
            csat: { value: round4(value), low: round4(Math.max(0, value - half)), high: round4(Math.min(1, value + half)) },
            importance, importanceFrom: importance === null ? null : 'derived', quadrant: null
        });
    });
    return { cycle: cycle.id, survey: 'exit', wave: 'waves/generated.csv', responses: 200, questions: [], moments, qualities: [] };
}

export function generatedResults(cycle: DrawnCycle, seed = 1, skip = 4, csatTarget = 0.8): DiagramResults {
    return { figures: generatedFigures(cycle, seed, skip), csatTarget };
}

/** Figures set by hand: `id → [csat, low, high, performance, importance]`. */
export function handFigures(cycle: DrawnCycle, rows: Record<string, [number, number, number, number, number | null]>): WaveFigures {
    return {
        cycle: cycle.id, survey: 'exit', wave: 'waves/hand.csv', responses: 150, questions: [], qualities: [],
        moments: Object.entries(rows).map(([id, [value, low, high, performance, importance]]) => ({
            id, n: 150, performance, csat: { value, low, high }, importance, importanceFrom: importance === null ? null : 'stated', quadrant: null
        }))
    };
}
