import { describe, expect, it } from 'vitest';
import { layoutCycle, renderCycleSvg } from '../../src/diagram/index.js';
import { axisRange } from '../../src/diagram/layout-ipa.js';
import type { GroupNode, PathNode, RectNode, Scene, SceneNode, TextNode } from '../../src/diagram/scene.js';
import { wordsFor } from '../../src/domain/words/index.js';
import { cycleOf, example } from './diagram-helpers.js';
import { generatedCycle } from './generated-cycles.js';
import { generatedResults, handFigures } from './generated-figures.js';

function all(nodes: SceneNode[]): SceneNode[] {
    return nodes.flatMap(n => (n.kind === 'group' ? [n, ...all(n.children)] : [n]));
}
function groupOf(scene: Scene, id: string): GroupNode {
    return scene.nodes.find(n => n.kind === 'group' && n.data?.moment === id) as GroupNode;
}
function texts(nodes: SceneNode[]): string[] {
    return all(nodes).flatMap(n => (n.kind === 'text' ? n.lines : []));
}
function hasClass(node: SceneNode, name: string): boolean {
    return (node.className ?? '').split(' ').includes(name);
}
/** Moments drawn with the failing mark (the square frame), by id. */
function failingMoments(scene: Scene): string[] {
    return scene.nodes.filter((n): n is GroupNode => n.kind === 'group' && n.data?.moment !== undefined)
        .filter(g => all(g.children).some(c => hasClass(c, 'failing-frame'))).map(g => g.data!.moment);
}

const bank = example('bank-check-cashing.cycle');
// told-take-number: critical, upper bound 0.50 < 0.80: clearly failing.
// wait-turn: critical, 0.62 but upper bound 0.81 ≥ 0.80: below the target, not clearly failing.
// receive-cash: critical, on target. ask: not critical, upper bound 0.7 < 0.8: below, never "failing" (the rule is for critical moments).
const figures = handFigures(bank, {
    'told-take-number': [0.42, 0.34, 0.5, 0.45, 0.8],
    'wait-turn': [0.62, 0.5, 0.81, 0.6, 0.7],
    'receive-cash': [0.91, 0.86, 0.95, 0.88, 0.9],
    ask: [0.6, 0.5, 0.7, 0.55, 0.4],
    called: [0.81, 0.74, 0.87, 0.77, null]
});
const results = { figures, csatTarget: 0.8 };

describe('the clock with survey results', () => {
    const scene = layoutCycle(bank, 'clock', { results });

    it('marks exactly the critical moments whose CSAT upper bound is below the target, with a frame and a FAILING tag', () => {
        expect(failingMoments(scene)).toEqual(['told-take-number']);
        const tag = all(groupOf(scene, 'told-take-number').children).find(n => hasClass(n, 'failing-tag'));
        expect(texts([tag!])).toEqual(['× FAILING: below 80%']);
        for (const id of ['wait-turn', 'receive-cash', 'ask']) expect(all(groupOf(scene, id).children).some(n => hasClass(n, 'failing-tag')), id).toBe(false);
    });

    it('keeps the no-prevention ring and tag beside the failing marks (told-take-number is both)', () => {
        const children = all(groupOf(scene, 'told-take-number').children);
        expect(children.some(n => hasClass(n, 'unmitigated-ring'))).toBe(true);
        expect(children.some(n => hasClass(n, 'no-prevention-tag'))).toBe(true);
        // Told apart without colour: the failing tag's frame is solid, the no-prevention one broken.
        const frame = (cls: string) => (children.find(n => hasClass(n, cls)) as GroupNode).children.find(c => c.kind === 'rect') as RectNode;
        expect(frame('no-prevention-tag').dash).toBeDefined();
        expect(frame('failing-tag').dash).toBeUndefined();
    });

    it('writes each measured moment\'s CSAT and n under its label, and draws its dial segment by standing', () => {
        const figure = (id: string) => all(groupOf(scene, id).children).find(n => hasClass(n, 'csat-figure')) as TextNode | undefined;
        expect(figure('told-take-number')!.lines).toEqual(['CSAT 42% n=150 · below target']);
        expect(figure('receive-cash')!.lines).toEqual(['CSAT 91% n=150 · on target']);
        expect(figure('called')!.lines).toEqual(['CSAT 81% n=150 · on target']);
        const segment = (id: string) => groupOf(scene, id).children.find(n => hasClass(n, 'csat-ring')) as PathNode;
        expect(segment('receive-cash').stroke).toBe('onTarget');
        expect(segment('receive-cash').dash).toBeUndefined();
        expect(segment('ask').stroke).toBe('belowTarget');
        expect(segment('ask').dash, 'below target reads in grayscale: broken').toBeDefined();
        expect(segment('told-take-number').stroke).toBe('danger');
    });

    it('leaves moments without figures as they were', () => {
        const plain = layoutCycle(bank, 'clock');
        for (const id of ['decide', 'enter', 'leave']) expect(groupOf(scene, id).children).toEqual(groupOf(plain, id).children);
        expect(failingMoments(plain)).toEqual([]);
        expect(all(plain.nodes).some(n => hasClass(n, 'csat-ring') || hasClass(n, 'results-key'))).toBe(false);
    });

    it('explains the marks in the legend, with the target', () => {
        const legend = texts(scene.nodes.filter(n => n.kind === 'group' && n.className === 'legend'));
        expect(legend).toEqual(expect.arrayContaining(['CSAT ≥ 80%', 'CSAT < 80%', 'critical, clearly failing (< 80%)']));
    });

    it('holds a failing moment to the target it is given', () => {
        expect(failingMoments(layoutCycle(bank, 'clock', { results: { figures, csatTarget: 0.45 } }))).toEqual([]);
        expect(failingMoments(layoutCycle(bank, 'clock', { results: { figures, csatTarget: 0.9 } }))).toEqual(['told-take-number', 'wait-turn']);
    });

    it('on a dial of more moments than can be labelled, the side list carries the figure and the failing sign', () => {
        const cycle = cycleOf(generatedCycle(75, 3));
        const many = layoutCycle(cycle, 'clock', { results: generatedResults(cycle, 5, 3, 0.8) });
        const side = texts(many.nodes.filter(n => n.kind === 'group' && n.className === 'side-list'));
        expect(side.some(l => /\[CSAT \d+% n=\d+\]/.test(l))).toBe(true);
        const failing = failingMoments(many);
        expect(failing.length).toBeGreaterThan(0);
        for (const id of failing) expect(side.some(l => l.includes('[× CSAT') && l.startsWith(`${cycle.moments.find(m => m.id === id)!.step}.`)), id).toBe(true);
    });
});

describe('the journey with survey results', () => {
    const scene = layoutCycle(bank, 'journey', { results });

    it('draws the measured curve at 1 + 4 × performance on the feels axis, dashed with square points', () => {
        const curve = all(scene.nodes).find(n => hasClass(n, 'measured-curve')) as PathNode;
        expect(curve.dash).toBeDefined();
        const feels = all(scene.nodes).find(n => hasClass(n, 'feels-curve')) as PathNode;
        expect(feels.dash).toBeUndefined();
        // The axis: "1 very bad" and "5 very good" rows give y of 1 and 5.
        const row = (label: string) => (all(scene.nodes).find(n => n.kind === 'text' && n.lines[0] === label) as TextNode).y - 4;
        const [y1, y5] = [row('1 very bad'), row('5 very good')];
        const square = (id: string) => (all(scene.nodes).find(n => n.kind === 'group' && n.data?.measured === id) as GroupNode).children[0] as RectNode;
        // told-take-number: performance 0.45 → 1 + 1.8 = 2.8.
        expect(square('told-take-number').y + 5).toBeCloseTo(y1 + ((2.8 - 1) / 4) * (y5 - y1), 0);
        // receive-cash: 0.88 → 4.52.
        expect(square('receive-cash').y + 5).toBeCloseTo(y1 + ((4.52 - 1) / 4) * (y5 - y1), 0);
        expect(all(scene.nodes).filter(n => n.kind === 'group' && n.data?.measured !== undefined)).toHaveLength(5);
    });

    it('breaks the measured curve where a moment has no figure', () => {
        const curve = all(scene.nodes).find(n => hasClass(n, 'measured-curve')) as PathNode;
        // ask (5), told-take-number (6), wait-turn (7), called (8): one run; receive-cash (12): its own.
        expect(curve.d.match(/M/g)).toHaveLength(2);
    });

    it('names both curves in the legend, and draws neither key without results', () => {
        expect(texts(scene.nodes)).toEqual(expect.arrayContaining(['designed (feels)', 'measured (1 + 4 × performance)']));
        expect(texts(layoutCycle(bank, 'journey').nodes)).not.toContain('measured (1 + 4 × performance)');
    });
});

describe('the ipa view', () => {
    const scene = layoutCycle(bank, 'ipa', { results });

    it('puts a point per moment with both performance and importance, where its figures say', () => {
        const points = scene.nodes.filter((n): n is GroupNode => n.kind === 'group' && n.data?.moment !== undefined);
        expect(points.map(p => p.data!.moment).sort()).toEqual(['ask', 'receive-cash', 'told-take-number', 'wait-turn']);
        const at = (id: string) => points.find(p => p.data!.moment === id)!.children.find(c => c.kind === 'circle')!;
        const x = (id: string) => (at(id).kind === 'circle' ? (at(id) as { cx: number }).cx : NaN);
        const y = (id: string) => (at(id).kind === 'circle' ? (at(id) as { cy: number }).cy : NaN);
        // Higher performance to the right, higher importance up.
        expect(x('receive-cash')).toBeGreaterThan(x('told-take-number'));
        expect(y('receive-cash')).toBeLessThan(y('ask'));
        expect(failingMoments(scene)).toEqual(['told-take-number']);
    });

    it('names the four quadrants and lists a measured moment without importance', () => {
        const words = texts(scene.nodes);
        expect(words).toEqual(expect.arrayContaining(['Concentrate here', 'Keep up the good work', 'Low priority', 'Possible overkill']));
        expect(words).toContain('Measured, importance unknown:');
        expect(words.some(l => l.startsWith('8. Is called'))).toBe(true);
    });

    it('draws the cross-hairs at the means of the placed moments', () => {
        const lines = all(scene.nodes).filter(n => n.kind === 'line' && hasClass(n, 'mean-line'));
        expect(lines).toHaveLength(2);
        // performance mean (0.45 + 0.6 + 0.88 + 0.55) / 4 = 0.62, between told-take-number (0.45) and receive-cash (0.88).
        const vertical = lines.find(l => l.kind === 'line' && l.x1 === l.x2)!;
        const point = (id: string) => (groupOf(scene, id).children.find(c => c.kind === 'circle') as { cx: number }).cx;
        const fraction = ((vertical as { x1: number }).x1 - point('told-take-number')) / (point('receive-cash') - point('told-take-number'));
        expect(fraction).toBeCloseTo((0.62 - 0.45) / (0.88 - 0.45), 2);
    });

    it('without results draws a clear message, not an empty plot', () => {
        const empty = layoutCycle(bank, 'ipa');
        expect(texts(empty.nodes).join(' ')).toContain('No survey results');
        expect(empty.nodes.some(n => n.kind === 'group' && n.data?.moment)).toBe(false);
    });

    it('with results but no moment with both figures, says so', () => {
        const none = layoutCycle(bank, 'ipa', { results: { figures: handFigures(bank, { ask: [0.6, 0.5, 0.7, 0.55, null] }), csatTarget: 0.8 } });
        expect(texts(none.nodes).join(' ')).toContain('No moment has both');
    });

    it('speaks the cycle\'s language', () => {
        for (const [file, language] of [['pizza-delivery.ru.cycle', 'ru'], ['savings-account.id.cycle', 'id'], ['online-shopping.zh.cycle', 'zh']] as const) {
            const cycle = example(file);
            const words = wordsFor(language).results;
            const drawn = texts(layoutCycle(cycle, 'ipa', { results: generatedResults(cycle, 2, 50) }).nodes);
            for (const name of Object.values(words.quadrants)) expect(drawn, `${file}: ${name}`).toContain(name);
            expect(drawn.join(' ')).not.toMatch(/Concentrate|Keep up|overkill|importance/);
            expect(texts(layoutCycle(cycle, 'ipa').nodes).join(' ')).toContain(words.noResults.slice(0, 12));
            const clock = texts(layoutCycle(cycle, 'clock', { results: generatedResults(cycle, 2, 50, 1) }).nodes).join(' ');
            expect(clock, file).toContain(words.belowTarget);
            expect(clock).not.toMatch(/below target|on target/);
        }
    });

    it('zooms its axes to the data in tenths, at least 0.3 wide, within 0..1', () => {
        expect(axisRange([0.45, 0.88])).toEqual([0.4, 1]);
        expect(axisRange([0.5, 0.52])).toEqual([0.3, 0.6]);
        expect(axisRange([0.01, 0.02])).toEqual([0, 0.3]);
        expect(axisRange([0.99])).toEqual([0.7, 1]);
    });

    it('escapes hostile labels and ids like every view', () => {
        const hostile = cycleOf('cycle h "<b>H</b>"\n  moment a "</text><script>alert(1)</script>"\n    critical\n      risk "r"\n  moment b "B & <c>"\n');
        const svg = renderCycleSvg(hostile, { view: 'ipa', results: { figures: handFigures(hostile, { a: [0.3, 0.2, 0.4, 0.3, 0.9], b: [0.9, 0.8, 0.95, 0.9, 0.2] }), csatTarget: 0.8 } });
        expect(svg).not.toContain('<script>');
        expect(svg).not.toContain('<c>');
        expect(svg).toContain('&lt;/text&gt;&lt;script&gt;');
    });
});

describe('the visual diff with the new version\'s survey results', () => {
    it('paints the measured moments of the new version, none on a removed moment\'s ghost, and keeps the results keys', async () => {
        const { layoutVisualDiff } = await import('../../src/diagram/diff-overlay.js');
        const { diffCycles } = await import('../../src/diff/diff-cycles.js');
        const after = { ...bank, moments: bank.moments.filter(m => m.id !== 'ask') };
        const scene = layoutVisualDiff(bank, after, diffCycles(bank, after), 'clock', { results });
        const ghost = groupOf(scene, 'ask');
        expect(ghost.className).toContain('diff-removed');
        expect(ghost.children.some(n => hasClass(n, 'csat-ring'))).toBe(false);
        expect(failingMoments(scene)).toEqual(['told-take-number']);
        expect(groupOf(scene, 'receive-cash').children.some(n => hasClass(n, 'csat-ring'))).toBe(true);
        const legend = scene.nodes.find(n => n.kind === 'group' && (n.className ?? '').includes('diff-legend')) as GroupNode;
        expect(texts(legend.children)).toEqual(expect.arrayContaining(['1 removed', 'CSAT ≥ 80%']));
        // Without results, the diff is drawn as before.
        const plain = layoutVisualDiff(bank, after, diffCycles(bank, after), 'clock');
        expect(all(plain.nodes).some(n => hasClass(n, 'csat-ring') || hasClass(n, 'results-keys'))).toBe(false);
    });
});
