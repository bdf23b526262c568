import { describe, expect, it } from 'vitest';
import { layoutCycle, type Scene } from '../../src/diagram/index.js';
import type { SceneNode } from '../../src/diagram/scene.js';
import { example } from './diagram-helpers.js';

function* walk(nodes: SceneNode[]): Iterable<SceneNode> {
    for (const node of nodes) {
        yield node;
        if (node.kind === 'group') yield* walk(node.children);
    }
}

/** The text of each moment's callout, by moment id. */
function callouts(scene: Scene): Map<string, string> {
    const found = new Map<string, string>();
    for (const node of walk(scene.nodes)) {
        if (node.kind !== 'group' || !node.data?.moment) continue;
        const callout = [...walk(node.children)].find(n => n.kind === 'group' && n.className === 'callout');
        if (callout?.kind === 'group') {
            found.set(node.data.moment, [...walk(callout.children)].flatMap(n => (n.kind === 'text' ? n.lines : [])).join(' '));
        }
    }
    return found;
}

describe('clock --detail: callouts on critical moments', () => {
    const bank = example('bank-check-cashing.cycle');
    it('none without --detail', () => {
        expect(callouts(layoutCycle(bank, 'clock')).size).toBe(0);
    });
    it('one per critical moment, with its risk and its mitigations named with their owners\' labels', () => {
        const found = callouts(layoutCycle(bank, 'clock', { detail: true }));
        expect([...found.keys()].sort()).toEqual(bank.moments.filter(m => m.critical).map(m => m.id).sort());
        const wait = found.get('wait-turn')!;
        expect(wait).toMatch(/^risk: A long wait/);
        expect(wait).toMatch(/prevent: Open a floating window .*\(Branch manager\)/);
        expect(wait).toMatch(/recover: Apologise .*\(Teller\)/);
        expect(found.get('told-take-number')).toMatch(/prevent: —/);
    });
});
