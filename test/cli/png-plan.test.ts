import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fontCoverage, mergeRanges } from '../../src/cli/font-coverage.js';
import { needsSystemFonts } from '../../src/cli/png-fonts.js';
import { DEFAULT_SCALE, LEGIBLE_PX, MAX_PAGES, PAGE_PIXELS, planPng, type PngPlan } from '../../src/cli/png-plan.js';
import { pagePaths } from '../../src/cli/write-png.js';

/** Every page's size in pixels, as resvg draws it (each side rounded up). */
function pagePixels(plan: PngPlan): { width: number; height: number }[] {
    return plan.pages.map(page => ({ width: Math.ceil(page.width * plan.scale - 1e-6), height: Math.ceil(page.height * plan.scale - 1e-6) }));
}

describe('the size of a PNG (cycle render -o x.png)', () => {
    it('draws a diagram that fits at twice its size, on one PNG', () => {
        const plan = planPng(1092, 676, 10); // the bank example's clock
        expect(plan).toMatchObject({ scale: DEFAULT_SCALE, reason: 'default', width: 2184, height: 1352 });
        expect(plan.pages).toEqual([{ x: 0, y: 0, width: 1092, height: 676 }]);
    });

    it('draws a bigger diagram smaller, to stay one PNG within the budget, while its text stays legible', () => {
        const plan = planPng(2008, 3174, 8); // a clock of 200 moments
        expect(plan.reason).toBe('fitted');
        expect(plan.scale).toBeLessThan(DEFAULT_SCALE);
        expect(plan.pages).toHaveLength(1);
        expect(plan.width * plan.height).toBeLessThanOrEqual(PAGE_PIXELS);
        expect(plan.smallestTextPx).toBeGreaterThanOrEqual(LEGIBLE_PX);
    });

    it('never shrinks text below the legible size: a diagram too big for that is split into pages', () => {
        const plan = planPng(170_174, 470, 9); // a blueprint of 1,000 moments, its smallest text 9 units
        expect(plan.reason).toBe('legible');
        expect(plan.smallestTextPx).toBeGreaterThanOrEqual(LEGIBLE_PX);
        expect(plan.smallestTextPx).toBeLessThan(LEGIBLE_PX + 0.1);
        expect(plan.rows).toBe(1); // a strip is cut across its length only
        expect(plan.pages.length).toBeGreaterThan(1);
        for (const page of pagePixels(plan)) expect(page.width * page.height).toBeLessThanOrEqual(PAGE_PIXELS);
    });

    it('cuts a drawing big both ways into pages that are nearly square', () => {
        const plan = planPng(8120, 15_174, 8); // a clock of 1,000 moments
        for (const page of pagePixels(plan)) {
            expect(Math.max(page.width / page.height, page.height / page.width)).toBeLessThan(2);
        }
    });

    it('draws at an asked --scale exactly, in pages when one PNG cannot hold it', () => {
        expect(planPng(1092, 676, 10, 0.5)).toMatchObject({ scale: 0.5, reason: 'asked', width: 546, height: 338, pagesNeeded: 1 });
        const big = planPng(1092, 676, 10, 8);
        expect(big).toMatchObject({ scale: 8, width: 8736, height: 5408 });
        expect(big.pages.length).toBeGreaterThan(1);
    });

    it('plans no pages for a drawing that would need more than the most there may be', () => {
        const plan = planPng(1092, 676, 10, 1000);
        expect(plan.pages).toEqual([]);
        expect(plan.pagesNeeded).toBeGreaterThan(MAX_PAGES);
    });

    it('for any diagram and zoom: pages within the budget that tile the whole drawing, in reading order, without gaps or overlaps', () => {
        fc.assert(fc.property(
            fc.integer({ min: 10, max: 200_000 }), fc.integer({ min: 10, max: 60_000 }), fc.constantFrom(8, 9, 10, 11),
            fc.option(fc.double({ min: 0.05, max: 6, noNaN: true }), { nil: undefined }),
            (width, height, font, asked) => {
                const plan = planPng(width, height, font, asked);
                // Unless asked otherwise, text is never drawn under the legible size.
                if (asked === undefined) expect(plan.smallestTextPx).toBeGreaterThanOrEqual(Math.min(LEGIBLE_PX, DEFAULT_SCALE * font));
                if (plan.pages.length === 0) return plan.pagesNeeded > MAX_PAGES;
                expect(plan.pages.length).toBe(plan.columns * plan.rows);
                for (const page of pagePixels(plan)) expect(page.width * page.height).toBeLessThanOrEqual(PAGE_PIXELS);
                let area = 0;
                plan.pages.forEach((page, i) => {
                    const column = i % plan.columns;
                    const row = Math.floor(i / plan.columns);
                    // Each page starts where the one to its left (or above) ends.
                    if (column > 0) expect(page.x).toBeCloseTo(plan.pages[i - 1].x + plan.pages[i - 1].width, 6);
                    if (row > 0) expect(page.y).toBeCloseTo(plan.pages[i - plan.columns].y + plan.pages[i - plan.columns].height, 6);
                    area += page.width * page.height;
                });
                const last = plan.pages[plan.pages.length - 1];
                expect(last.x + last.width).toBeCloseTo(plan.width / plan.scale, 6);
                expect(last.y + last.height).toBeCloseTo(plan.height / plan.scale, 6);
                expect(area).toBeCloseTo((plan.width / plan.scale) * (plan.height / plan.scale), 0);
                return true;
            }), { numRuns: 300 });
    });

    it('names pages after the file asked for, numbered so that they sort in reading order', () => {
        expect(pagePaths('out/clock.png', 1)).toEqual(['out/clock.png']);
        expect(pagePaths('out/clock.png', 3)).toEqual(['out/clock-1.png', 'out/clock-2.png', 'out/clock-3.png']);
        const twelve = pagePaths('clock.PNG', 12);
        expect(twelve[0]).toBe('clock-01.PNG');
        expect([...twelve].sort()).toEqual(twelve);
    });
});

describe('the fonts a PNG needs', () => {
    const require = createRequire(import.meta.url);
    const dejavu = mergeRanges(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf']
        .flatMap(name => fontCoverage(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`)))));

    it('draws Latin, Greek, Cyrillic and Arabic labels with the bundled DejaVu Sans alone: no system fonts', () => {
        expect(needsSystemFonts(['Cashing a check at a bank branch', 'Café crème, façade — 10–20 min · “quoted”'], dejavu)).toBe(false);
        expect(needsSystemFonts(['Ελληνικά', 'Доставка пиццы', 'مرحبا'], dejavu)).toBe(false);
        // Bidi isolates around a line and other characters that draw nothing need no glyph.
        expect(needsSystemFonts(['\u2068שלום\u2069', 'a\u200db'], dejavu)).toBe(false);
    });

    it('loads the system fonts for characters DejaVu Sans lacks: Chinese, Japanese, Korean', () => {
        expect(needsSystemFonts(['Plain', '在网上商城购买一台电饭煲'], dejavu)).toBe(true);
        expect(needsSystemFonts(['ひらがな'], dejavu)).toBe(true);
        expect(needsSystemFonts(['한국어'], dejavu)).toBe(true);
    });
});
