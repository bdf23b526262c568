import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { layoutCycle, type Scene } from '../../src/diagram/index.js';
import type { GroupNode, SceneNode } from '../../src/diagram/scene.js';
import type { CycleModel } from '../../src/model/cycle-model.js';
import { cycleOf, example } from './diagram-helpers.js';
import { generatedCycle } from './generated-cycles.js';

const EXAMPLES = readdirSync(new URL('../../examples/', import.meta.url)).filter(f => f.endsWith('.cycle') && f !== 'team.cycle');

function* walk(nodes: SceneNode[]): Iterable<SceneNode> {
    for (const node of nodes) {
        yield node;
        if (node.kind === 'group') yield* walk(node.children);
    }
}

function momentGroups(scene: Scene): Map<string, GroupNode> {
    const groups = new Map<string, GroupNode>();
    for (const node of walk(scene.nodes)) if (node.kind === 'group' && node.data?.moment) groups.set(node.data.moment, node);
    return groups;
}

/** The moments whose group draws the heavy broken ring, and those whose label carries the "no prevention" tag. */
function marked(scene: Scene): { rings: string[]; tags: string[] } {
    const rings: string[] = [];
    const tags: string[] = [];
    for (const [id, group] of momentGroups(scene)) {
        const inside = [...walk(group.children)];
        const ring = inside.find(n => n.kind === 'circle' && n.className === 'unmitigated-ring');
        if (ring && ring.kind === 'circle') {
            // A shape, not a colour: a broken line, heavy, in the ink colour (dark in grayscale).
            expect(ring.dash, `${id}: the ring is broken`).toBeTruthy();
            expect(ring.strokeWidth ?? 0).toBeGreaterThanOrEqual(2.5);
            expect(ring.stroke).toBe('ink');
            rings.push(id);
        }
        const tag = inside.find(n => n.kind === 'group' && (n.className ?? '').split(' ').includes('no-prevention-tag'));
        if (tag && tag.kind === 'group') {
            const text = [...walk(tag.children)].find(n => n.kind === 'text');
            expect(text && text.kind === 'text' ? text.lines.join(' ') : '').toMatch(/no prevention/);
            tags.push(id);
        }
    }
    return { rings: rings.sort(), tags: tags.sort() };
}

function unmitigatedIds(cycle: CycleModel): string[] {
    return cycle.moments.filter(m => m.unmitigated).map(m => m.id).sort();
}

describe('the unmitigated marker: on exactly the unmitigated moments', () => {
    const cases: [string, CycleModel][] = [
        ...EXAMPLES.map(file => [file, example(file)] as [string, CycleModel]),
        ...[5, 17, 33, 60].map(n => [`${n} generated moments`, cycleOf(generatedCycle(n, 3))] as [string, CycleModel])
    ];
    for (const [name, cycle] of cases) {
        it(name, () => {
            const expected = unmitigatedIds(cycle);
            const clock = marked(layoutCycle(cycle, 'clock', { language: 'en' }));
            expect(clock.rings).toEqual(expected);
            expect(clock.tags).toEqual(expected);
            expect(marked(layoutCycle(cycle, 'journey')).rings).toEqual(expected);
            expect(marked(layoutCycle(cycle, 'blueprint', { language: 'en' })).tags).toEqual(expected);
        });
    }
    it('the bank example has one, the one its header names', () => {
        expect(unmitigatedIds(example('bank-check-cashing.cycle'))).toEqual(['told-take-number']);
    });
});
