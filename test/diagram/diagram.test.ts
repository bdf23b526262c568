import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { layoutCycle, renderCycleSvg, VIEWS } from '../../src/diagram/index.js';
import { clockAngle, dialRadius, MAX_LABELLED_MOMENTS } from '../../src/diagram/layout-clock.js';
import { boxesOverlap, type CircleNode, type GroupNode, type Scene } from '../../src/diagram/scene.js';
import { escapeXml, wrapText } from '../../src/diagram/text.js';
import { cycleOf, example, momentsInSvg, syntheticCycle } from './diagram-helpers.js';

function markerOf(scene: Scene, id: string): CircleNode {
    const group = scene.nodes.find(n => n.kind === 'group' && n.data?.moment === id) as GroupNode;
    return group.children.find(c => c.kind === 'circle' && c.className === 'marker') as CircleNode;
}

function dialOf(scene: Scene): CircleNode {
    return scene.nodes.find(n => n.kind === 'circle' && n.className === 'dial') as CircleNode;
}

describe('the SVG of every view', () => {
    const bank = example('bank-check-cashing.cycle');
    for (const view of VIEWS) {
        it(`${view}: one element per moment, in order, with data-moment, classes and a title`, () => {
            const svg = renderCycleSvg(bank, { view });
            const moments = momentsInSvg(svg);
            expect(moments.map(m => m.id)).toEqual(bank.moments.map(m => m.id));
            expect(moments.filter(m => m.classes.includes('critical')).map(m => m.id)).toEqual(['told-take-number', 'wait-turn', 'receive-cash']);
            expect(moments.filter(m => m.classes.includes('unmitigated')).map(m => m.id)).toEqual(['told-take-number']);
            expect(moments.every(m => m.classes.includes('moment'))).toBe(true);
            expect(svg).toContain('<g class="moment critical unmitigated" data-moment="told-take-number" data-step="6">\n<title>Is told to take a number: service is by order of arrival</title>');
            expect(svg).toContain('15 moments · 3 critical · 1 unmitigated');
        });
        it(`${view}: is well-formed XML (resvg parses it strictly)`, () => {
            expect(() => new Resvg(renderCycleSvg(bank, { view }))).not.toThrow();
        });
    }

    it('draws with the dark palette when asked', () => {
        const dark = renderCycleSvg(bank, { theme: 'dark' });
        expect(dark).toContain('class="cycle-diagram view-clock theme-dark"');
        expect(dark).toContain('fill="#0d1117"');
        expect(dark).not.toContain('fill="#ffffff"');
    });
});

describe('the clock', () => {
    it('starts at twelve o\'clock and goes clockwise', () => {
        const scene = layoutCycle(example('bank-check-cashing.cycle'), 'clock');
        const dial = dialOf(scene);
        const first = markerOf(scene, 'decide');
        expect(first.cx).toBeCloseTo(dial.cx, 5);
        expect(first.cy).toBeCloseTo(dial.cy - dial.r, 5);
        const second = markerOf(scene, 'ride-in');
        expect(second.cx).toBeGreaterThan(dial.cx);
    });

    it('sizes critical moments by severity, fills them with the danger colour and badges the unmitigated', () => {
        const scene = layoutCycle(example('bank-check-cashing.cycle'), 'clock');
        expect(markerOf(scene, 'enter').r).toBeLessThan(markerOf(scene, 'wait-turn').r);
        expect(markerOf(scene, 'wait-turn').r).toBeLessThan(markerOf(scene, 'receive-cash').r);
        expect(markerOf(scene, 'receive-cash').fill).toBe('danger');
        const told = scene.nodes.find(n => n.kind === 'group' && n.data?.moment === 'told-take-number') as GroupNode;
        expect(told.children.some(c => c.kind === 'group' && c.className === 'badge')).toBe(true);
        expect(markerOf(scene, 'decide').fill).toBe('background'); // channel none: hollow
    });

    it('puts the goal in the centre and marks the moment that achieves it', () => {
        const svg = renderCycleSvg(example('bank-check-cashing.cycle'));
        expect(svg).toContain('>Turn my check into cash<');
        expect(momentsInSvg(svg).find(m => m.id === 'check-cash')!.classes).toContain('achieves-goal');
        expect(svg).toContain('class="goal-link"');
    });

    it('draws phases as arcs and waits with their target and limit', () => {
        const svg = renderCycleSvg(example('bank-check-cashing.cycle'));
        expect((svg.match(/class="phase-arc"/g) ?? []).length).toBe(4);
        expect(svg).toContain('wait 10–20 min');
    });

    for (const count of [1, 2, 3, 7, 12, 13, 24, 25, 40, 41, 59, 60]) {
        it(`never lets labels overlap, with ${count} moments`, () => {
            const scene = layoutCycle(cycleOf(syntheticCycle(count)), 'clock');
            const boxes = [...scene.labelBoxes.entries()];
            expect(boxes).toHaveLength(count);
            for (let i = 0; i < boxes.length; i++) {
                for (let j = i + 1; j < boxes.length; j++) {
                    expect(boxesOverlap(boxes[i][1], boxes[j][1]), `${boxes[i][0]} and ${boxes[j][0]}`).toBe(false);
                }
                expect(boxes[i][1].y).toBeGreaterThanOrEqual(0);
                expect(boxes[i][1].y + boxes[i][1].height).toBeLessThanOrEqual(scene.height);
            }
        });
    }

    it(`beyond ${MAX_LABELLED_MOMENTS} moments, numbers the markers and lists the labels at the side`, () => {
        const svg = renderCycleSvg(cycleOf(syntheticCycle(61)));
        expect(momentsInSvg(svg)).toHaveLength(61);
        expect(svg).toContain('class="side-list"');
        expect((svg.match(/class="side-item"/g) ?? []).length).toBe(61);
        expect(svg).not.toContain('class="leader"');
    });

    it('moves the other moments only by their new angle when a moment is added', () => {
        for (const count of [5, 11, 17, 30]) {
            const before = layoutCycle(cycleOf(syntheticCycle(count)), 'clock');
            const after = layoutCycle(cycleOf(syntheticCycle(count + 1)), 'clock');
            if (dialRadius(count) !== dialRadius(count + 1)) continue; // the dial grew a size: everything scales once
            const [d0, d1] = [dialOf(before), dialOf(after)];
            for (let i = 0; i < count; i++) {
                const m0 = markerOf(before, `m${i}`);
                const m1 = markerOf(after, `m${i}`);
                expect(m0.cx - d0.cx).toBeCloseTo(Math.cos(clockAngle(i, count)) * d0.r, 5);
                expect(m1.cx - d1.cx).toBeCloseTo(Math.cos(clockAngle(i, count + 1)) * d0.r, 5);
                expect(m1.cy - d1.cy).toBeCloseTo(Math.sin(clockAngle(i, count + 1)) * d0.r, 5);
            }
        }
    });

    it('draws an empty cycle without failing', () => {
        const svg = renderCycleSvg(cycleOf('cycle empty "Empty"\n'));
        expect(svg).toContain('No moments yet');
        expect(() => new Resvg(svg)).not.toThrow();
    });
});

describe('the blueprint and the journey', () => {
    it('blueprint: lanes in the method\'s order, the line of visibility, fail points on critical moments', () => {
        const svg = renderCycleSvg(example('bank-check-cashing.cycle'), { view: 'blueprint', width: 5000 });
        const lanes = [...svg.matchAll(/class="lane-name"[^>]*>(?:<tspan[^>]*>)?([^<]+)/g)].map(m => m[1]);
        expect(lanes).toEqual(['Physical evidence', 'Customer actions', 'Floor employee', 'Teller', 'no role', 'Backstage', 'Support processes']);
        expect(svg).toContain('class="line-of-visibility"');
        expect((svg.match(/class="fail-point"/g) ?? []).length).toBe(3);
        expect(svg).toContain('Signature and balance');
    });

    it('journey: a point per rated moment on the 1–5 scale, the curve broken where `feels` is missing', () => {
        const scene = layoutCycle(example('bank-check-cashing.cycle'), 'journey');
        const curve = scene.nodes.find(n => n.kind === 'path' && n.className === 'feels-curve');
        expect(curve && curve.kind === 'path' ? curve.d.match(/M/g)?.length : 0).toBe(2); // told-take-number…wait-turn, then check-cash
        const svg = renderCycleSvg(example('bank-check-cashing.cycle'), { view: 'journey' });
        expect(svg).toContain('5 very good');
        expect(svg).toContain('not rated');
    });
});

describe('labels are data, never markup', () => {
    const hostile = [
        '<script>alert(1)</script>',
        '</svg><svg onload=alert(1)>',
        'Fish &amp; chips & "quotes" \'single\'',
        'עברית ومعها العربية',
        '\u0007bell and \uFFFF'
    ];
    for (const view of VIEWS) {
        it(`${view}: every label is escaped and the SVG stays well-formed`, () => {
            const text = ['cycle c "Cycle <b>bold</b>"', `  goal "${hostile[1]}"`, ...hostile.map((h, i) => `  moment m${i} "${h.replace(/"/g, '\\"')}"\n    feels 3\n    critical\n      risk "r"`)].join('\n') + '\n';
            const cycle = cycleOf(text);
            const svg = renderCycleSvg(cycle, { view });
            expect(svg).not.toMatch(/<script/i);
            expect(svg).not.toMatch(/<svg onload/i);
            expect(svg).not.toMatch(/<b>/);
            expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
            expect(svg).toContain('&amp;amp;');
            expect(svg).toContain('&quot;quotes&quot;');
            expect(svg).toContain('עברית');
            expect((svg.match(/<svg /g) ?? []).length).toBe(1);
            expect(() => new Resvg(svg)).not.toThrow();
        });
    }

    it('escapeXml escapes the five XML characters and replaces the forbidden ones', () => {
        expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
        expect(escapeXml('a\u0000b\uD800c')).toBe('a\uFFFDb\uFFFDc');
    });
});

describe('label wrapping', () => {
    it('wraps on spaces, breaks CJK between characters, ends long labels with an ellipsis', () => {
        expect(wrapText('Decides to go to the bank to cash a check', 140, 12)).toEqual(['Decides to go to the', 'bank to cash a check']);
        expect(wrapText('在网上商城购买一台电饭煲和一个锅', 60, 12).length).toBeGreaterThan(1);
        const long = wrapText('word '.repeat(50), 100, 12, 3);
        expect(long).toHaveLength(3);
        expect(long[2].endsWith('…')).toBe(true);
    });
});
