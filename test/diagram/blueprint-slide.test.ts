import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { layoutCycle, renderCycleSvg, type Scene } from '../../src/diagram/index.js';
import type { SceneNode } from '../../src/diagram/scene.js';
import { cycleOf, example } from './diagram-helpers.js';
import { generatedCycle } from './generated-cycles.js';

const EXAMPLES = readdirSync(new URL('../../examples/', import.meta.url)).filter(f => f.endsWith('.cycle') && f !== 'team.cycle');

function* walk(nodes: SceneNode[]): Iterable<SceneNode> {
    for (const node of nodes) {
        yield node;
        if (node.kind === 'group') yield* walk(node.children);
    }
}

function texts(scene: Scene, className: string): string[] {
    return [...walk(scene.nodes)].flatMap(n => (n.kind === 'text' && n.className === className ? n.lines : []));
}

/** The columns' left edges per row: the x of each moment's step number, grouped by its y. */
function rows(scene: Scene): number[] {
    const steps = [...walk(scene.nodes)].filter(n => n.kind === 'text' && n.className === 'step');
    const byRow = new Map<number, number>();
    for (const s of steps) if (s.kind === 'text') byRow.set(s.y, (byRow.get(s.y) ?? 0) + 1);
    return [...byRow.values()];
}

describe('blueprint: a slide\'s proportions', () => {
    it('stays within 16:9 by default for every example and for 1 to 60 moments', () => {
        const cycles = [...EXAMPLES.map(f => example(f)), ...[1, 2, 5, 18, 33, 60].map(n => cycleOf(generatedCycle(n, 3)))];
        for (const cycle of cycles) {
            const scene = layoutCycle(cycle, 'blueprint');
            expect(scene.width / scene.height, `${cycle.id}: ${scene.width}×${scene.height}`).toBeLessThanOrEqual(16 / 9 + 1e-9);
            expect(rows(scene).reduce((a, b) => a + b, 0), `${cycle.id}: every moment drawn once`).toBe(cycle.moments.length);
        }
    });
    it('wraps 18 moments into rows of even length (the 4.2:1 strip the issue saw no longer)', () => {
        const scene = layoutCycle(cycleOf(generatedCycle(18, 3)), 'blueprint');
        const perRow = rows(scene);
        expect(perRow.length).toBeGreaterThan(1);
        expect(Math.max(...perRow) - Math.min(...perRow)).toBeLessThanOrEqual(1);
    });
    it('--width chooses how many columns a row holds', () => {
        const cycle = cycleOf(generatedCycle(18, 3));
        expect(rows(layoutCycle(cycle, 'blueprint', { width: 5000 }))).toEqual([18]);
        const narrow = layoutCycle(cycle, 'blueprint', { width: 1000 });
        expect(narrow.width).toBe(1000);
        expect(rows(narrow).every(n => n <= 4)).toBe(true);
    });
});

describe('blueprint: as service blueprints are drawn', () => {
    const bank = layoutCycle(example('bank-check-cashing.cycle'), 'blueprint');
    it('draws the lines of interaction, visibility and internal interaction, each named', () => {
        const svg = renderCycleSvg(example('bank-check-cashing.cycle'), { view: 'blueprint' });
        for (const line of ['line-of-interaction', 'line-of-visibility', 'line-of-internal-interaction']) expect(svg).toContain(`class="${line}"`);
        for (const name of ['line of interaction', 'line of visibility', 'line of internal interaction']) expect(svg).toContain(`>${name}</text>`);
    });
    it('writes each fail point\'s risk beside it, not a bare "F"', () => {
        const risks = texts(bank, 'fail-point-risk').join(' ');
        expect(risks).toContain('The employee answers as if');
        expect(risks).toContain('A long wait: the bank looks');
    });
    it('shows waits as time standards on the customer action', () => {
        expect(texts(bank, 'wait')).toEqual(['wait 10–20 min']);
    });
    it('puts a moment\'s frontstage lines in its role\'s lane', () => {
        expect(texts(bank, 'cell lane-frontstage').join(' ')).toContain('Says to take a number');
    });
});
