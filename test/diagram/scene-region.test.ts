import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/diagram/render-svg.js';
import type { Scene } from '../../src/diagram/scene.js';
import { sceneInRegion } from '../../src/diagram/scene-region.js';

const scene: Scene = {
    view: 'journey', width: 4000, height: 500, title: 'Test', labelBoxes: new Map(),
    nodes: [
        { kind: 'group', className: 'moment', data: { moment: 'left' }, children: [
            { kind: 'circle', cx: 100, cy: 100, r: 10, fill: 'accent' },
            { kind: 'text', x: 100, y: 130, lines: ['Left'], size: 11, anchor: 'middle', fill: 'ink' }
        ] },
        { kind: 'group', className: 'moment', data: { moment: 'right' }, children: [
            { kind: 'circle', cx: 3900, cy: 100, r: 10, fill: 'accent' },
            { kind: 'text', x: 3900, y: 130, lines: ['Right'], size: 11, anchor: 'middle', fill: 'ink' }
        ] },
        { kind: 'group', className: 'lanes', children: [
            { kind: 'rect', x: 0, y: 200, width: 1000, height: 40, fill: 'band' },
            { kind: 'rect', x: 3000, y: 200, width: 1000, height: 40, fill: 'band' }
        ] },
        // A label ending just left of the region: its estimated width reaches into it.
        { kind: 'text', x: 1990, y: 300, lines: ['A label long enough to cross'], size: 11, anchor: 'end', fill: 'ink' },
        { kind: 'path', d: 'M0,400 L4000,400', fill: 'none', stroke: 'accent' },
        { kind: 'path', d: 'M3300,50 A300,300 0 0 1 3400,60', fill: 'none', stroke: 'phaseA' },
        // A command the bounds do not read: its extent is unknown, so it is always kept.
        { kind: 'path', d: 'M3800,450 C3810,460 3820,470 3830,480', fill: 'none', stroke: 'accent' }
    ]
};

describe('a region of a scene (one page of a PNG drawn in pages)', () => {
    const page = { x: 2000, y: 0, width: 1000, height: 500 };
    const part = sceneInRegion(scene, page);
    const svg = renderSvg(part, 'light', page);

    it('keeps what reaches into the region and leaves out what is far from it', () => {
        expect(svg).not.toContain('data-moment="left"');
        expect(svg).not.toContain('data-moment="right"');
        expect(svg).toContain('A label long enough to cross');
        expect(svg).toContain('M0,400 L4000,400');
        expect(svg).toContain('A300,300'); // an arc stays within twice its radius of its end: it may reach in
        expect(svg).toContain('C3810,460');
    });

    it('keeps a group spanning the diagram, with only its parts in the region', () => {
        expect(svg).toContain('class="lanes"');
        expect(svg).not.toContain('x="0" y="200"');
        expect(svg).toContain('x="3000" y="200"');
    });

    it('draws the region at its own size and place', () => {
        expect(svg).toMatch(/^<svg [^>]*viewBox="2000 0 1000 500" width="1000" height="500"/);
        expect(svg).toContain('<rect class="background" x="2000" y="0" width="1000" height="500"');
    });

    it('changes nothing when no region is given', () => {
        expect(renderSvg(scene)).toMatch(/^<svg [^>]*viewBox="0 0 4000 500" width="4000" height="500"/);
    });
});
