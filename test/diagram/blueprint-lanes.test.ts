import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { layoutCycle, renderCycleSvg } from '../../src/diagram/index.js';
import type { CircleNode, GroupNode, RectNode, Scene, SceneNode, TextNode } from '../../src/diagram/scene.js';
import { cycleOf, example, momentsInSvg } from './diagram-helpers.js';

function laneNamesOf(svg: string): string[] {
    return [...svg.matchAll(/class="lane-name"[^>]*>(?:<tspan[^>]*>)?([^<]+)/g)].map(m => m[1]);
}

/** The lanes of a blueprint scene: name (first line) and vertical extent. */
function lanesOf(scene: Scene): { name: string; top: number; bottom: number }[] {
    const bands = scene.nodes.filter((n): n is RectNode => n.kind === 'rect' && n.className === 'lane');
    const names = scene.nodes.filter((n): n is TextNode => n.kind === 'text' && n.className === 'lane-name');
    return bands.map((band, i) => ({ name: names[i].lines.join(' '), top: band.y, bottom: band.y + band.height }));
}

function groupOf(scene: Scene, id: string): GroupNode {
    return scene.nodes.find(n => n.kind === 'group' && n.data?.moment === id) as GroupNode;
}

/** The frontstage lane a moment's contact card is drawn in, and the text in that card. */
function contactOf(scene: Scene, id: string): { lane: string; text: string[] } {
    const group = groupOf(scene, id);
    const cards = group.children.filter((c): c is RectNode => c.kind === 'rect' && c.className === 'frontstage-card');
    expect(cards).toHaveLength(1);
    const card = cards[0];
    const lane = lanesOf(scene).find(l => card.y >= l.top && card.y + card.height <= l.bottom)!;
    const text = group.children.filter((c): c is TextNode => c.kind === 'text' && c.className === 'cell lane-frontstage'
        && c.y > card.y && c.y < card.y + card.height).flatMap(t => t.lines);
    return { lane: lane.name, text };
}

function allText(nodes: SceneNode[]): string[] {
    return nodes.flatMap(n => n.kind === 'text' ? n.lines : n.kind === 'group' ? allText(n.children) : []);
}

const ROLES = `role head-office "Head office"
cycle c "Roles"
  role clerk "Counter clerk"
  role courier
  moment a "Phones in"
    by courier
    channel phone
  moment b "Walks in"
    by clerk
    channel in-person
  moment c "Is called back"
    by courier
  moment d "Reads the letter"
    channel none
  moment e "Looks at the sign"
  moment f "Gets a letter"
    by head-office
    channel mail
    critical
      risk "lost"
`;

describe('blueprint: one frontstage lane per role', () => {
    it('draws the bank\'s lanes in the method\'s order, roles by first appearance, then "no role"', () => {
        const svg = renderCycleSvg(example('bank-check-cashing.cycle'), { view: 'blueprint', width: 5000 });
        expect(laneNamesOf(svg)).toEqual(['Physical evidence', 'Customer actions', 'Floor employee', 'Teller', 'no role', 'Backstage', 'Support processes']);
        expect(svg).not.toContain('by teller');
        const scene = layoutCycle(example('bank-check-cashing.cycle'), 'blueprint', { width: 5000 });
        // The frontstage lane holds what the employee does, then the channel.
        expect(contactOf(scene, 'ask')).toEqual({ lane: 'Floor employee', text: ['(in person)'] });
        expect(contactOf(scene, 'hand-over')).toEqual({ lane: 'Teller', text: ['Greets the customer and', 'takes the check', '(in person)'] });
        expect(contactOf(scene, 'verify')).toEqual({ lane: 'Teller', text: ['Asks for an identity', 'document'] });
        expect(contactOf(scene, 'wait-turn')).toEqual({ lane: 'no role', text: ['(facility)'] });
        expect(contactOf(scene, 'decide')).toEqual({ lane: 'no role', text: ['(no contact)'] });
    });

    it('labels a lane with the role\'s label, or its id, and puts every moment in the lane of its role', () => {
        const scene = layoutCycle(cycleOf(ROLES), 'blueprint', { width: 5000 });
        expect(lanesOf(scene).map(l => l.name)).toEqual(['Physical evidence', 'Customer actions', 'courier', 'Counter clerk', 'Head office', 'no role', 'Backstage', 'Support processes']);
        expect(contactOf(scene, 'a')).toEqual({ lane: 'courier', text: ['(phone)'] });
        expect(contactOf(scene, 'b')).toEqual({ lane: 'Counter clerk', text: ['(in person)'] });
        expect(contactOf(scene, 'd')).toEqual({ lane: 'no role', text: ['(no contact)'] });
        expect(contactOf(scene, 'f')).toEqual({ lane: 'Head office', text: ['(mail)'] });
        // The frontstage lanes sit between the customer action and the line of visibility.
        const visibility = scene.nodes.find(n => n.kind === 'line' && n.className === 'line-of-visibility');
        const lanes = lanesOf(scene);
        expect(visibility && visibility.kind === 'line' ? visibility.y1 : 0).toBeGreaterThan(lanes[5].bottom - 1);
        expect(visibility && visibility.kind === 'line' ? visibility.y1 : 0).toBeLessThan(lanes[6].top);
    });

    it('draws no empty card for a moment with no frontstage line and no channel: a quiet dot in its role\'s lane, or nothing without a role', () => {
        const scene = layoutCycle(cycleOf(ROLES), 'blueprint', { width: 5000 });
        const cardsOf = (id: string) => groupOf(scene, id).children.filter(c => c.kind === 'rect' && c.className === 'frontstage-card');
        const dotsOf = (id: string) => groupOf(scene, id).children.filter((c): c is CircleNode => c.kind === 'circle' && c.className === 'frontstage-contact');
        // c: by courier, nothing else: no card, a dot in the courier's lane.
        expect(cardsOf('c')).toEqual([]);
        expect(dotsOf('c')).toHaveLength(1);
        const courier = lanesOf(scene).find(l => l.name === 'courier')!;
        expect(dotsOf('c')[0].cy).toBeGreaterThan(courier.top);
        expect(dotsOf('c')[0].cy).toBeLessThan(courier.bottom);
        // e: no role, no channel: nothing in any frontstage lane, no link either.
        expect(cardsOf('e')).toEqual([]);
        expect(dotsOf('e')).toEqual([]);
        expect(groupOf(scene, 'e').children.filter(c => c.kind === 'line' && c.className === 'contact-link')).toEqual([]);
        // A moment with a channel keeps its card, and no dot.
        expect(cardsOf('a')).toHaveLength(1);
        expect(dotsOf('a')).toEqual([]);
    });

    it('opens no "no role" lane for moments without a role that have nothing to show in it', () => {
        const quiet = layoutCycle(cycleOf('cycle c "C"\n  role r "R"\n  moment a "A"\n    by r\n  moment b "B"\n'), 'blueprint');
        expect(lanesOf(quiet).map(l => l.name)).toEqual(['Physical evidence', 'Customer actions', 'R', 'Backstage', 'Support processes']);
        const withChannel = layoutCycle(cycleOf('cycle c "C"\n  role r "R"\n  moment a "A"\n    by r\n  moment b "B"\n    channel web\n'), 'blueprint');
        expect(lanesOf(withChannel).map(l => l.name)).toContain('no role');
        expect(contactOf(withChannel, 'b')).toEqual({ lane: 'no role', text: ['(web)'] });
    });

    it('has no "no role" lane when every moment names its role', () => {
        const scene = layoutCycle(cycleOf('cycle c "C"\n  role r "R"\n  moment a "A"\n    by r\n  moment b "B"\n    by r\n'), 'blueprint');
        expect(lanesOf(scene).map(l => l.name)).toEqual(['Physical evidence', 'Customer actions', 'R', 'Backstage', 'Support processes']);
    });

    it('keeps the SVG contract, escapes role labels and stays drawable', () => {
        const text = 'cycle c "C"\n  role r "<b>Boss</b> & co"\n  moment a "<i>A</i>"\n    by r\n    critical\n      risk "x"\n  moment b "B"\n';
        const svg = renderCycleSvg(cycleOf(text), { view: 'blueprint' });
        expect(svg).not.toMatch(/<b>|<i>/);
        expect(laneNamesOf(svg)).toContain('&lt;b&gt;Boss&lt;/b&gt; &amp; co');
        expect(momentsInSvg(svg)).toEqual([{ id: 'a', classes: ['moment', 'critical', 'unmitigated'] }, { id: 'b', classes: ['moment'] }]);
        expect(svg).toMatch(/data-moment="a"[^>]*>\s*<title>&lt;i&gt;A&lt;\/i&gt;<\/title>/);
        expect(() => new Resvg(svg)).not.toThrow();
    });
});

describe('blueprint legend', () => {
    const legendOf = (scene: Scene) => scene.nodes.find(n => n.kind === 'group' && n.className === 'legend') as GroupNode;

    it('explains the fail point, drawn like the marker, when the view shows any', () => {
        const legend = legendOf(layoutCycle(example('bank-check-cashing.cycle'), 'blueprint', { width: 5000 }));
        expect(allText(legend.children)).toContain('fail point');
        const mark = legend.children.find(c => c.kind === 'circle' && c.className === 'legend-fail-point');
        expect(mark).toMatchObject({ fill: 'danger', r: 8 });
        expect(allText(legend.children)).toContain('F');
        // Still three fail points on moments: the legend's is not one of them.
        const svg = renderCycleSvg(example('bank-check-cashing.cycle'), { view: 'blueprint', width: 5000 });
        expect((svg.match(/class="fail-point"/g) ?? []).length).toBe(3);
    });

    it('leaves it out when no moment is critical, and in the other views', () => {
        const calm = cycleOf('cycle c "C"\n  moment a "A"\n');
        expect(allText(legendOf(layoutCycle(calm, 'blueprint')).children)).not.toContain('fail point');
        for (const view of ['clock', 'journey'] as const) {
            expect(allText(legendOf(layoutCycle(example('bank-check-cashing.cycle'), view)).children)).not.toContain('fail point');
        }
    });
});
