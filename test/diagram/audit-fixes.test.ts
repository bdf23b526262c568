import { describe, expect, it } from 'vitest';
import { diffCycles } from '../../src/diff/diff-cycles.js';
import { applyDiffStatus, mergeForVisualDiff, renderVisualDiffSvg } from '../../src/diagram/diff-overlay.js';
import { layoutCycle, renderCycleSvg, VIEWS } from '../../src/diagram/index.js';
import type { CircleNode, GroupNode, LineNode, PathNode, Scene, SceneNode, TextNode } from '../../src/diagram/scene.js';
import { textWidth } from '../../src/diagram/text.js';
import { PALETTES, type ThemeName } from '../../src/diagram/theme.js';
import { cycleOf, example, momentsInSvg } from './diagram-helpers.js';

function all(nodes: SceneNode[]): SceneNode[] {
    return nodes.flatMap(n => (n.kind === 'group' ? [n, ...all(n.children)] : [n]));
}

function groupOf(scene: Scene, id: string): GroupNode {
    return scene.nodes.find(n => n.kind === 'group' && n.data?.moment === id) as GroupNode;
}

describe('right-to-left labels that wrap', () => {
    const arabic = 'يقرر العميل الذهاب إلى البنك لصرف الشيك بسرعة كبيرة جدا';
    const hebrew = 'הלקוח מחכה בתור ארוך מאוד לפני שהוא מגיע לדלפק';
    const text = `cycle rtl "دورة"\n  goal "${arabic}"\n  phase "الوصول"\n  moment a "${arabic}"\n    feels 2\n  moment b "${hebrew}"\n    critical\n      risk "r"\n`;
    for (const view of VIEWS) {
        it(`${view}: every line is a <text> of its own (a renderer reorders a whole <text> as one bidi paragraph)`, () => {
            const cycle = cycleOf(text);
            const scene = layoutCycle(cycle, view);
            const label = all(groupOf(scene, 'a').children).find(n => n.kind === 'text' && n.lines.length > 1) as TextNode;
            expect(label, 'the label wraps').toBeDefined();
            const svg = renderCycleSvg(cycle, { view });
            expect(svg).not.toContain('<tspan');
            const texts = [...svg.matchAll(/<text[^>]* y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)];
            const lines = label.lines.map(line => texts.find(t => t[2] === line));
            expect(lines.every(Boolean)).toBe(true);
            const ys = lines.map(t => Number(t![1]));
            for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeGreaterThan(ys[i - 1]);
            // The moment contract is kept.
            expect(svg).toContain(`<g class="moment" data-moment="a" data-step="1">\n<title>${arabic}</title>`);
            expect(momentsInSvg(svg).find(m => m.id === 'b')!.classes).toEqual(expect.arrayContaining(['moment', 'critical', 'unmitigated']));
        });
    }
});

describe('a phase holding every moment', () => {
    for (const text of ['cycle c "C"\n  phase "Only"\n  moment a "A"\n', 'cycle c "C"\n  phase "All"\n  moment a "A"\n  moment b "B"\n  moment c "C"\n']) {
        it(`is drawn as a full circle (${text.split('moment').length - 1} moments)`, () => {
            const scene = layoutCycle(cycleOf(text), 'clock');
            const arc = all(scene.nodes).find(n => n.kind === 'path' && n.className === 'phase-arc') as PathNode;
            const points = [...arc.d.matchAll(/(?:M|A[\d.]+,[\d.]+ \d \d \d )(-?[\d.]+),(-?[\d.]+)/g)].map(m => [Number(m[1]), Number(m[2])]);
            // Start, then the ends of the arcs: no arc may end where it starts (it would draw nothing).
            expect(points.length).toBeGreaterThanOrEqual(3);
            for (let i = 1; i < points.length; i++) expect(Math.hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1])).toBeGreaterThan(100);
        });
    }
});

describe('the legend fits its diagram', () => {
    const texts = {
        one: 'cycle c "C"\n  moment a "A"\n',
        many: 'cycle c "C"\n' + Array.from({ length: 3 }, (_, i) => `  moment m${i} "M${i}"\n    critical\n      risk "r"\n`).join('')
    };
    for (const [name, text] of Object.entries(texts)) {
        for (const view of VIEWS) {
            it(`${view}, ${name}`, () => {
                const scene = layoutCycle(cycleOf(text), view);
                const legend = scene.nodes.find(n => n.kind === 'group' && n.className === 'legend') as GroupNode;
                for (const node of all(legend.children)) {
                    if (node.kind === 'text') expect(node.x + Math.max(...node.lines.map(l => textWidth(l, node.size, node.weight === 'bold')))).toBeLessThanOrEqual(scene.width);
                    if (node.kind === 'line') expect(node.x2).toBeLessThanOrEqual(scene.width);
                }
            });
        }
    }
    it('in a visual diff too', () => {
        const before = cycleOf('cycle c "C"\n  moment a "A"\n');
        const after = cycleOf('cycle c "C"\n  moment b "B"\n');
        const { cycle, statuses } = mergeForVisualDiff(before, after, diffCycles(before, after));
        for (const view of VIEWS) {
            const scene = applyDiffStatus(layoutCycle(cycle, view), statuses);
            const legend = scene.nodes.find(n => n.kind === 'group' && n.className?.includes('legend')) as GroupNode;
            for (const node of legend.children) {
                if (node.kind === 'text') expect(node.x + textWidth(node.lines[0], node.size, node.weight === 'bold')).toBeLessThanOrEqual(scene.width);
            }
        }
    });
});

function luminance(hex: string): number {
    const [r, g, b] = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16) / 255).map(c => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
}

describe('colours drawn as text have a contrast of at least 4.5:1', () => {
    for (const theme of Object.keys(PALETTES) as ThemeName[]) {
        it(theme, () => {
            const p = PALETTES[theme];
            for (const ink of [p.ink, p.muted, p.danger, p.goal, p.phaseA, p.phaseB, p.phaseC, p.added, p.removed, p.changed, p.moved, p.onTarget, p.belowTarget, p.measured]) {
                expect(contrast(ink, p.background), `${ink} on ${p.background}`).toBeGreaterThanOrEqual(4.5);
                expect(contrast(ink, p.band), `${ink} on ${p.band}`).toBeGreaterThanOrEqual(4.5);
            }
            // The blueprint writes phase names in the background colour on the phase's bar.
            for (const bar of [p.phaseA, p.phaseB, p.phaseC]) expect(contrast(p.background, bar), `bar ${bar}`).toBeGreaterThanOrEqual(4.5);
            expect(contrast(p.dangerInk, p.danger)).toBeGreaterThanOrEqual(4.5);
        });
    }
});

describe('the journey: moments without `feels`', () => {
    const text = ['cycle j "J"', '  moment m1 "One"', '    feels 2', '  moment m2 "Two"', '  moment m3 "Three"', '    channel none', '    feels 4',
        '  moment m4 "Four"', '  moment m5 "Five"', '  moment m6 "Six"', '    feels 5', '  moment m7 "Seven"', '    channel none'].join('\n') + '\n';
    const scene = layoutCycle(cycleOf(text), 'journey');
    const pointOf = (id: string) => groupOf(scene, id).children.find(c => c.kind === 'circle' && (c.className ?? '').split(' ').includes('point')) as CircleNode;

    it('are marked apart from moments with no contact, and the legend says so', () => {
        const unrated = pointOf('m2');
        const noContact = pointOf('m3');
        expect(unrated.className).toContain('not-rated');
        expect([unrated.fill, unrated.stroke, unrated.dash]).not.toEqual([noContact.fill, noContact.stroke, noContact.dash]);
        expect(unrated.dash).toBeDefined();
        expect(pointOf('m7').className).toContain('not-rated'); // unrated and no contact: unrated wins
        const legend = scene.nodes.find(n => n.kind === 'group' && n.className === 'legend') as GroupNode;
        expect(legend.children.some(c => c.kind === 'text' && c.lines[0].startsWith('not rated'))).toBe(true);
        expect(legend.children.some(c => c.kind === 'circle' && c.dash)).toBe(true);
    });

    it('sit in a row well apart from "1 very bad"', () => {
        const scale = scene.nodes.filter((n): n is TextNode => n.kind === 'text' && n.lines[0] === '1 very bad')[0];
        const row = scene.nodes.filter((n): n is TextNode => n.kind === 'text' && n.lines[0] === 'not rated')[0];
        expect(row.y - scale.y).toBeGreaterThanOrEqual(30);
        expect(pointOf('m2').cy - pointOf('m1').cy).toBeGreaterThanOrEqual(30 + 250 * 0.25);
        expect(scene.nodes.some(n => n.kind === 'line' && (n as LineNode).className === 'not-rated-rule')).toBe(true);
    });

    it('are bridged by a dashed segment, so scattered ratings still make a curve', () => {
        const gap = scene.nodes.find(n => n.kind === 'path' && n.className === 'feels-gap') as PathNode;
        expect(gap).toBeDefined();
        expect(gap.dash).toBeDefined();
        expect(gap.d.match(/M/g)).toHaveLength(2); // m1→m3 and m3→m6; nothing after m6
    });
});

describe('the visual diff', () => {
    const lines = (ids: string[]) => ['cycle c "C"', ...ids.flatMap(id => [`  moment ${id} "Moment ${id}"`, ...(id === 'k' ? ['    critical', `      risk "r"`] : [])])].join('\n') + '\n';
    const beforeIds = ['a', 'b', 'c', 'k', 'd', 'e', 'f', 'g'];
    const before = cycleOf(lines(beforeIds));
    const after = cycleOf(lines(['a', 'c', 'k', 'e', 'd', 'f', 'new', 'g']).replace('risk "r"', 'risk "r2"'));
    const changes = diffCycles(before, after);

    it('numbers the steps as the new version does: a removed moment takes no step', () => {
        const added = changes.find(c => c.kind === 'moment' && c.change === 'added')!;
        const svg = renderVisualDiffSvg(before, after, changes);
        expect(svg).toContain(`data-moment="new" data-step="${(added.after as { position: number }).position}"`);
        expect(svg).toMatch(/data-moment="b" data-was-step="2"/);
        for (const view of VIEWS) {
            const scene = applyDiffStatus(layoutCycle(mergeForVisualDiff(before, after, changes).cycle, view), mergeForVisualDiff(before, after, changes).statuses);
            const steps = scene.nodes.filter((n): n is GroupNode => n.kind === 'group' && n.data?.moment !== undefined)
                .map(g => (all(g.children).find(c => c.kind === 'text' && c.className === 'step') as TextNode).lines[0]);
            expect(steps.filter(s => /^\d+$/.test(s))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
        }
    });

    it('gives moved its own colour, and keeps critical moments red', () => {
        const { cycle, statuses } = mergeForVisualDiff(before, after, changes);
        expect(statuses.get('k')).toBe('changed');
        expect([...statuses.values()]).toContain('moved');
        const scene = applyDiffStatus(layoutCycle(cycle, 'clock'), statuses);
        const marker = (id: string) => groupOf(scene, id).children.find(c => c.kind === 'circle' && c.className === 'marker') as CircleNode;
        const moved = [...statuses].find(([, s]) => s === 'moved')![0];
        expect(marker(moved).fill).toBe('moved');
        expect(PALETTES.light.moved).not.toBe(PALETTES.light.changed);
        expect(marker('k').fill).toBe('danger');
        expect(marker('k').stroke).toBe('changed');
        const legend = scene.nodes.find(n => n.kind === 'group' && n.className === 'legend diff-legend') as GroupNode;
        const movedKey = legend.children.findIndex(c => c.kind === 'text' && /^\d+ moved$/.test(c.lines[0]));
        expect((legend.children[movedKey - 1] as CircleNode).fill).toBe('moved');
    });
});

describe('the clock keeps its centre and its markers clear', () => {
    const textBox = (t: TextNode) => {
        const width = Math.max(...t.lines.map(l => textWidth(l, t.size, t.weight === 'bold')));
        const left = t.anchor === 'middle' ? t.x - width / 2 : t.anchor === 'end' ? t.x - width : t.x;
        const lineHeight = t.lineHeight ?? t.size * 1.25;
        return { x: left, y: t.y - t.size, width, height: (t.lines.length - 1) * lineHeight + t.size * 1.3 };
    };
    const crosses = (box: { x: number; y: number; width: number; height: number }, l: LineNode) => {
        for (let t = 0; t <= 1; t += 0.01) {
            const x = l.x1 + (l.x2 - l.x1) * t;
            const y = l.y1 + (l.y2 - l.y1) * t;
            if (x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height) return true;
        }
        return false;
    };
    const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

    for (const name of ['restaurant.cycle', 'bank-check-cashing.cycle', 'online-shopping.zh.cycle', 'savings-account.id.cycle', 'pizza-delivery.ru.cycle']) {
        it(`${name}: phase labels touch neither the goal, nor the goal line, nor each other`, () => {
            const scene = layoutCycle(example(name), 'clock');
            const nodes = all(scene.nodes);
            const phases = nodes.filter((n): n is TextNode => n.kind === 'text' && n.className === 'phase-label').map(textBox);
            const goal = nodes.filter((n): n is TextNode => n.kind === 'text' && (n.className === 'goal' || n.className === 'goal-caption')).map(textBox);
            const line = nodes.find((n): n is LineNode => n.kind === 'line' && n.className === 'goal-link');
            expect(phases.length).toBeGreaterThan(0);
            phases.forEach((p, i) => {
                for (const g of goal) expect(overlap(p, g), `phase label ${i} and the goal`).toBe(false);
                if (line) expect(crosses(p, line), `phase label ${i} and the goal line`).toBe(false);
                for (const q of phases.slice(i + 1)) expect(overlap(p, q)).toBe(false);
            });
        });
    }

    for (const count of [61, 120, 200]) {
        it(`${count} moments: markers never overlap`, () => {
            const text = ['cycle many "Many"', ...Array.from({ length: count }, (_, i) => `  moment m${i} "M${i}"${i % 4 === 0 ? '\n    critical\n      severity high\n      risk "r"' : ''}`)].join('\n') + '\n';
            const scene = layoutCycle(cycleOf(text), 'clock');
            const markers = all(scene.nodes).filter((n): n is CircleNode => n.kind === 'circle' && n.className === 'marker');
            expect(markers).toHaveLength(count);
            for (let i = 0; i < count; i++) {
                const a = markers[i];
                const b = markers[(i + 1) % count];
                expect(Math.hypot(a.cx - b.cx, a.cy - b.cy), `markers ${i} and ${i + 1}`).toBeGreaterThan(a.r + b.r);
            }
        });
    }
});
