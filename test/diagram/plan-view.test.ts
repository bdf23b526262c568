import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { layoutCycle, renderCycleSvg, type Scene } from '../../src/diagram/index.js';
import type { GroupNode, SceneNode } from '../../src/diagram/scene.js';
import { cycleOf, example } from './diagram-helpers.js';

function* walk(nodes: SceneNode[]): Iterable<SceneNode> {
    for (const node of nodes) {
        yield node;
        if (node.kind === 'group') yield* walk(node.children);
    }
}

function groups(scene: Scene, className: string): GroupNode[] {
    return [...walk(scene.nodes)].filter((n): n is GroupNode => n.kind === 'group' && (n.className ?? '').split(' ').includes(className));
}

function textOf(node: GroupNode): string {
    return [...walk(node.children)].flatMap(n => (n.kind === 'text' ? n.lines : [])).join(' ');
}

const PLAN = `role lead "Team lead"
cycle c "Plan"
  goal "g"
  role clerk "Counter clerk"
  moment a "Arrives"
  moment b "Waits in line"
    critical
      risk "Leaves"
  requirement fast "Short waits"
    for b
    from "survey 2025"
  requirement kind "A kind word"
  action open "Open a second counter"
    meets fast
    owner lead
    due 2026-03-01
  action train "Train the clerks"
    meets fast
    owner clerk
    due 2026-09-30
  action sign "Put up a sign"
  area speed "Speed"
    because deterioration
    covers b
    covers a
  area looks "Looks"
    because importance
  priorities
    - speed
`;

describe('plan view', () => {
    const scene = layoutCycle(cycleOf(PLAN), 'plan', { today: '2026-06-01' });

    it('draws each requirement with the actions that meet it, owners by their labels and due dates', () => {
        const requirements = groups(scene, 'plan-requirement');
        expect(requirements.map(r => r.data?.requirement)).toEqual(['fast', 'kind']);
        expect(textOf(requirements[0])).toMatch(/for: 2\. Waits in line/);
        expect(textOf(requirements[0])).toMatch(/from: survey 2025/);
        expect(textOf(requirements[1])).toMatch(/no action meets it/);
        const actions = groups(scene, 'plan-action');
        expect(actions.map(a => a.data?.action)).toEqual(['open', 'train', 'sign']);
        expect(textOf(actions[0])).toMatch(/owner: Team lead · due: 2026-03-01/);
        expect(textOf(actions[1])).toMatch(/owner: Counter clerk · due: 2026-09-30/);
        expect(textOf(actions[2])).toMatch(/owner: — · no due date/);
    });

    it('marks overdue exactly the actions due before today, with a tag, not colour alone', () => {
        expect(groups(scene, 'overdue').map(a => a.data?.action)).toEqual(['open']);
        expect(textOf(groups(scene, 'overdue-tag')[0])).toBe('OVERDUE');
        const later = layoutCycle(cycleOf(PLAN), 'plan', { today: '2026-12-31' });
        expect(groups(later, 'overdue').map(a => a.data?.action)).toEqual(['open', 'train']);
        const earlier = layoutCycle(cycleOf(PLAN), 'plan', { today: '2026-01-01' });
        expect(groups(earlier, 'overdue')).toEqual([]);
        // Due today is not overdue.
        expect(groups(layoutCycle(cycleOf(PLAN), 'plan', { today: '2026-03-01' }), 'overdue')).toEqual([]);
    });

    it('ranks the priority areas in order, with the moments they cover, and marks the areas left unranked', () => {
        const areas = groups(scene, 'plan-area');
        expect(areas.map(a => [a.data?.area, a.data?.rank])).toEqual([['speed', '1'], ['looks', '']]);
        expect(textOf(areas[0])).toMatch(/covers: 2\. Waits in line 1\. Arrives/);
        expect(textOf(areas[1])).toMatch(/not ranked/);
    });

    it('draws the bank\'s plan: its three requirements, actions and ranked areas', () => {
        const bank = layoutCycle(example('bank-check-cashing.cycle'), 'plan', { today: '2027-06-01' });
        expect(groups(bank, 'plan-requirement')).toHaveLength(3);
        expect(groups(bank, 'overdue').map(a => a.data?.action)).toEqual(['double-count']);
        expect(groups(bank, 'plan-area').map(a => a.data?.area)).toEqual(['cash-handling', 'queue', 'reception']);
    });

    it('says so when nothing is planned, and escapes every label', () => {
        const empty = renderCycleSvg(cycleOf('cycle c "C"\n  goal "g"\n  moment a "A"\n'), { view: 'plan' });
        expect(empty).toContain('Nothing planned yet');
        const hostile = renderCycleSvg(cycleOf(PLAN.replace('"Short waits"', '"<script>alert(1)</script> & co"')), { view: 'plan' });
        expect(hostile).not.toMatch(/<script/);
        expect(hostile).toContain('&lt;script&gt;');
        expect(() => new Resvg(hostile)).not.toThrow();
    });
});
