import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { generateCycle } from '../../bench/generate-cycle.js';
import { renderSvg } from '../../src/diagram/render-svg.js';
import { sceneInRegion } from '../../src/diagram/scene-region.js';
import { layoutCycle, type Scene } from '../../src/diagram/index.js';
import type { SceneNode } from '../../src/diagram/scene.js';
import { LEGIBLE_PX, PAGE_PIXELS, planPng } from '../../src/cli/png-plan.js';
import { example } from '../diagram/diagram-helpers.js';
import { runCli } from './run-cli.js';

const BANK = 'examples/bank-check-cashing.cycle';
const scratch = () => mkdtempSync(join(tmpdir(), 'cycle-png-'));

/** Width and height from the PNG's IHDR header. */
function pngSize(file: string): { width: number; height: number } {
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function countNodes(nodes: readonly SceneNode[]): number {
    return nodes.reduce((sum, node) => sum + 1 + (node.kind === 'group' ? countNodes(node.children) : 0), 0);
}

const dejavu = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf']
    .map(name => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`));

describe('cycle render -o x.png: size, pages, --scale', () => {
    it('draws a small diagram at twice its size, as before', () => {
        const svg = runCli(['render', BANK, '--view', 'journey']).stdout;
        const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
        const png = join(scratch(), 'bank.png');
        const result = runCli(['render', BANK, '--view', 'journey', '-o', png]);
        expect(result.status).toBe(0);
        expect(result.stderr).toBe(`cycle: wrote ${png} (journey view of bank-check-cashing).\n`);
        expect(pngSize(png)).toEqual({ width: 2 * Number(width), height: 2 * Number(height) });
    });

    it('draws a cycle of 1,000 moments in pages, each within the pixel budget, its text legible, together the whole diagram', () => {
        const dir = scratch();
        const file = join(dir, 'big.cycle');
        writeFileSync(file, generateCycle(1_000));
        const svg = runCli(['render', file, '--view', 'journey']).stdout;
        const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
        const result = runCli(['render', file, '--view', 'journey', '-o', join(dir, 'journey.png')]);
        expect(result.status).toBe(0);
        const pages = readdirSync(dir).filter(name => name.endsWith('.png')).sort();
        expect(pages.length).toBeGreaterThan(1);
        expect(pages).toEqual(pages.map((_, i) => `journey-${i + 1}.png`));
        expect(existsSync(join(dir, 'journey.png'))).toBe(false);
        expect(result.stderr).toContain(`wrote ${join(dir, 'journey-1.png')} … ${join(dir, `journey-${pages.length}.png`)}`);
        expect(result.stderr).toContain(`smallest text is ${LEGIBLE_PX} px tall`);
        const sizes = pages.map(name => pngSize(join(dir, name)));
        for (const size of sizes) expect(size.width * size.height).toBeLessThanOrEqual(PAGE_PIXELS);
        // A journey is a strip: its pages, side by side, are as wide as the whole drawing and as tall.
        const scale = planPng(width, height, 10).scale;
        expect(sizes.reduce((sum, size) => sum + size.width, 0)).toBe(Math.ceil(width * scale));
        for (const size of sizes) expect(size.height).toBe(Math.ceil(height * scale));
    });

    it('draws a page from only its part of the diagram, the same picture as that part of the whole', () => {
        const scene: Scene = layoutCycle(example('bank-check-cashing.cycle'), 'blueprint');
        const plan = planPng(scene.width, scene.height, 9, 5);
        expect(plan.pages.length).toBeGreaterThan(2);
        const options = { fitTo: { mode: 'zoom' as const, value: plan.scale }, font: { fontFiles: dejavu, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } };
        const whole = new Resvg(renderSvg(scene), options);
        const region = whole.getBBox()!;
        for (const page of [plan.pages[0], plan.pages[plan.pages.length - 1]]) {
            const part = sceneInRegion(scene, page);
            expect(countNodes(part.nodes)).toBeLessThan(countNodes(scene.nodes) / 2);
            const alone = new Resvg(renderSvg(part, 'light', page), options).render();
            Object.assign(region, page);
            whole.cropByBBox(region);
            const cut = whole.render();
            expect([alone.width, alone.height]).toEqual([cut.width, cut.height]);
            expect(alone.pixels.equals(cut.pixels)).toBe(true);
        }
    });

    it('draws at the zoom --scale asks for, and says when its text is too small to read', () => {
        const png = join(scratch(), 'bank.png');
        const three = runCli(['render', BANK, '-o', png, '--scale', '1.5']);
        expect(three.status).toBe(0);
        expect(three.stderr).toContain('at 1.5× zoom');
        expect(pngSize(png)).toEqual({ width: 1638, height: 1014 });
        const small = runCli(['render', BANK, '-o', png, '--scale', '0.5']);
        expect(small.status).toBe(0);
        expect(small.stderr).toMatch(/at --scale 0\.5 the smallest text is 5 px tall, hard to read/);
        expect(pngSize(png)).toEqual({ width: 546, height: 338 });
    });

    it('refuses a --scale that is not a zoom, or with no PNG to scale, before drawing anything', () => {
        const dir = scratch();
        for (const bad of ['abc', '0', '-1', '2x', '']) {
            const result = runCli(['render', BANK, '-o', join(dir, 'x.png'), '--scale', bad]);
            expect(result.status).toBe(2);
            expect(result.stderr).toContain(`argument '${bad}' is invalid. expected a zoom greater than 0`);
        }
        const svg = runCli(['render', BANK, '-o', join(dir, 'x.svg'), '--scale', '2']);
        expect(svg.status).toBe(2);
        expect(svg.stderr).toContain('--scale sets the zoom of a PNG');
        expect(readdirSync(dir)).toEqual([]);
    });

    it('refuses a zoom that would take more than a hundred PNGs, naming one that fits, and writes nothing', () => {
        const dir = scratch();
        const result = runCli(['render', BANK, '-o', join(dir, 'x.png'), '--scale', '500']);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/more than 100 PNGs of at most 12 megapixels; choose a smaller --scale \(at most about [\d.]+ fits\)/);
        const fits = Number(/at most about ([\d.]+) fits/.exec(result.stderr)![1]);
        expect(planPng(1092, 676, 10, fits).pages.length).toBeGreaterThan(0);
        expect(readdirSync(dir)).toEqual([]);
    });
});
