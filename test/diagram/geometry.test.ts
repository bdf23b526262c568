import { describe, expect, it } from 'vitest';
import { ALL_VIEWS, layoutCycle, type Scene } from '../../src/diagram/index.js';
import { boxesOverlap, type Box } from '../../src/diagram/scene.js';
import { phasePaint } from '../../src/diagram/parts.js';
import { cycleOf, example } from './diagram-helpers.js';
import { generatedCycle } from './generated-cycles.js';
import { generatedResults } from './generated-figures.js';
import { readdirSync } from 'node:fs';

const EXAMPLES = readdirSync(new URL('../../examples/', import.meta.url)).filter(f => f.endsWith('.cycle') && f !== 'team.cycle');

/** Every word box of a scene (moment labels and the rest) and every badge. */
function boxes(scene: Scene): { texts: { name: string; box: Box }[]; badges: Box[] } {
    const texts = [...scene.labelBoxes].map(([name, box]) => ({ name, box }));
    (scene.textBoxes ?? []).forEach((box, i) => texts.push({ name: `text ${i}`, box }));
    return { texts, badges: scene.badgeBoxes ?? [] };
}

function overlaps(scene: Scene): string[] {
    const { texts, badges } = boxes(scene);
    const found: string[] = [];
    for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
            if (boxesOverlap(texts[i].box, texts[j].box)) found.push(`${texts[i].name} × ${texts[j].name}`);
        }
        badges.forEach((badge, k) => { if (boxesOverlap(texts[i].box, badge)) found.push(`${texts[i].name} × badge ${k}`); });
    }
    return found;
}

describe('no label overlaps another label or a badge', () => {
    for (const file of EXAMPLES) {
        it(file, () => {
            for (const view of ALL_VIEWS) {
                for (const detail of [false, true]) {
                    const scene = layoutCycle(example(file), view, { detail, today: '2026-06-01' });
                    if (view !== 'plan' && view !== 'ipa') expect(scene.labelBoxes.size, `${view}: a box for every moment`).toBe(example(file).moments.length);
                    expect(overlaps(scene), `${file} ${view}${detail ? ' --detail' : ''}`).toEqual([]);
                }
            }
        });
    }
    for (const moments of [5, 9, 16, 27, 41, 60]) {
        it(`generated cycles of ${moments} moments in 1 to 8 phases`, () => {
            for (let phases = 1; phases <= 8; phases++) {
                const cycle = cycleOf(generatedCycle(moments, phases));
                for (const view of ALL_VIEWS) {
                    for (const detail of [false, true]) {
                        expect(overlaps(layoutCycle(cycle, view, { detail, today: '2026-06-01' })), `${moments} moments, ${phases} phases, ${view}${detail ? ' --detail' : ''}`).toEqual([]);
                    }
                }
            }
        });
    }
});

describe('with survey results, no label overlaps another label, a badge or a point', () => {
    const RESULTS_VIEWS = ['clock', 'journey', 'ipa'] as const;
    for (const file of EXAMPLES) {
        it(file, () => {
            const cycle = example(file);
            for (const seed of [1, 2, 3]) {
                const results = generatedResults(cycle, seed, seed + 2);
                const placed = results.figures.moments.filter(m => m.performance !== null && m.importance !== null).length;
                for (const view of RESULTS_VIEWS) {
                    for (const detail of [false, true]) {
                        const scene = layoutCycle(cycle, view, { detail, results });
                        // The scatter names every placed moment, beside its point or in the list.
                        expect(scene.labelBoxes.size, `${view}: a box per moment`).toBe(view === 'ipa' ? placed : cycle.moments.length);
                        expect(overlaps(scene), `${file} ${view} seed ${seed}${detail ? ' --detail' : ''}`).toEqual([]);
                    }
                }
            }
        });
    }
    for (const moments of [5, 9, 16, 27, 41, 60, 75]) {
        it(`generated cycles of ${moments} moments with generated figures`, () => {
            for (let phases = 1; phases <= 8; phases += 3) {
                const cycle = cycleOf(generatedCycle(moments, phases));
                for (const seed of [1, 7]) {
                    const results = generatedResults(cycle, seed, seed === 1 ? 4 : 9);
                    for (const view of RESULTS_VIEWS) {
                        expect(overlaps(layoutCycle(cycle, view, { detail: true, results })), `${moments} moments, ${phases} phases, ${view}, seed ${seed}`).toEqual([]);
                    }
                }
            }
        });
    }
});

describe('neighbouring phases differ in colour', () => {
    it('for every count of phases, the last and the first included', () => {
        for (let count = 2; count <= 12; count++) {
            const paints = Array.from({ length: count }, (_, i) => phasePaint(i, count));
            for (let i = 0; i < count; i++) expect(paints[i], `${count} phases: ${i} and ${(i + 1) % count}`).not.toBe(paints[(i + 1) % count]);
        }
    });
    it('on the clock drawn for generated cycles of 1 to 8 phases', () => {
        for (let phases = 2; phases <= 8; phases++) {
            const scene = layoutCycle(cycleOf(generatedCycle(56, phases)), 'clock');
            const arcs = scene.nodes.filter(n => n.kind === 'group' && n.className === 'phase')
                .map(n => (n.kind === 'group' ? n.children.find(c => c.kind === 'path') : undefined))
                .map(p => (p?.kind === 'path' ? p.stroke : undefined));
            expect(arcs.length).toBe(phases);
            for (let i = 0; i < arcs.length; i++) expect(arcs[i], `${phases} phases: arc ${i}`).not.toBe(arcs[(i + 1) % arcs.length]);
        }
    });
});
