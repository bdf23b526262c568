/**
 * How big a PNG is drawn, and on how many pages: the rule `cycle render -o x.png`
 * follows (README, "Render"; docs/decisions.md). Pure: sizes in, a plan out.
 */

/** Most pixels in one PNG. resvg holds 8–9 bytes a pixel while it draws and encodes one (measured: bench/png.ts, docs/decisions.md). */
export const PAGE_PIXELS = 12_000_000;
/** The zoom of a diagram that fits: twice its size, sharp on high-density screens and in slides. */
export const DEFAULT_SCALE = 2;
/** The smallest text, in pixels, that a PNG drawn by default may have. */
export const LEGIBLE_PX = 8;
/** More pages than this is no longer a picture: refused, with advice to write SVG. */
export const MAX_PAGES = 100;

/** A rectangle of the diagram, in the SVG's own units. */
export interface Region { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

export interface PngPlan {
    /** Pixels per SVG unit. */
    readonly scale: number;
    /** The whole drawing, in pixels. */
    readonly width: number;
    readonly height: number;
    /**
     * One region per PNG, in reading order (left to right, then top to bottom); one
     * region for a single PNG; none when the drawing would need more than MAX_PAGES.
     */
    readonly pages: readonly Region[];
    /** How many PNGs the drawing needs (more than MAX_PAGES: refused, `pages` is empty). */
    readonly pagesNeeded: number;
    readonly columns: number;
    readonly rows: number;
    /** The smallest text of the drawing, in pixels (undefined: no text). */
    readonly smallestTextPx: number | undefined;
    /**
     * Why this scale: `asked` (--scale), `default` (2×), `fitted` (smaller than 2× to stay
     * one PNG), `legible` (the smallest that keeps text legible, over several pages).
     */
    readonly reason: 'asked' | 'default' | 'fitted' | 'legible';
}

/** Pages are planned a little inside the limit: resvg rounds each side of a page up to whole pixels. */
const PLANNED_PIXELS = PAGE_PIXELS * 0.99;

/** How far a page is from square: 1 for a square, 4 for a page four times as wide as it is tall (or as tall as wide). */
function elongation(width: number, height: number): number {
    return Math.max(width / height, height / width);
}

interface Grid { columns: number; rows: number; pageWidth: number; pageHeight: number }

/** `columns` pages across, and as many rows as pages of at most PLANNED_PIXELS that wide need. */
function gridOf(width: number, height: number, columns: number): Grid | undefined {
    const pageWidth = Math.ceil(width / columns);
    const tallest = Math.floor(PLANNED_PIXELS / pageWidth);
    if (tallest < 1) return undefined;
    const rows = Math.ceil(height / tallest);
    const pageHeight = Math.ceil(height / rows);
    // Rounding up can leave a last column or row empty: count the ones that hold something.
    return { columns: Math.ceil(width / pageWidth), rows: Math.ceil(height / pageHeight), pageWidth, pageHeight };
}

/**
 * Pages of at most PLANNED_PIXELS that together hold `width` × `height` pixels: about
 * square where the drawing is big both ways (a clock), one row of pages as tall as
 * the drawing where it is a strip (a blueprint, a journey); of the grids near that
 * shape, the one with the fewest pages, then the squarest pages.
 */
function pageGrid(width: number, height: number): Grid {
    const side = Math.sqrt(PLANNED_PIXELS);
    const candidates: Grid[] = [];
    if (height <= side) candidates.push(gridOf(width, height, Math.ceil(width * height / PLANNED_PIXELS))!);
    if (width <= side) candidates.push(gridOf(width, height, 1)!);
    const square = Math.ceil(width / side);
    for (let columns = Math.max(1, square - 1); columns <= square + 1; columns++) {
        const grid = gridOf(width, height, columns);
        if (grid) candidates.push(grid);
    }
    const pages = (grid: Grid) => grid.columns * grid.rows;
    const shape = (grid: Grid) => elongation(grid.pageWidth, grid.pageHeight);
    candidates.sort((a, b) => pages(a) - pages(b) || shape(a) - shape(b));
    return candidates[0];
}

/** Rounded down to hundredths: the zoom a message can name exactly. */
function roundDown(scale: number): number {
    return Math.max(0.01, Math.floor(scale * 100) / 100);
}

/**
 * The plan for a diagram of `width` × `height` SVG units whose smallest text is
 * `smallestFont` units (undefined: no text). Without `askedScale`: 2×, or smaller so
 * the diagram stays one PNG of at most PAGE_PIXELS, but never so small that its
 * smallest text is under LEGIBLE_PX; what does not fit at that size is split into
 * pages. With `askedScale`: exactly that zoom, split into pages if one PNG cannot
 * hold it. Either way no PNG has more than PAGE_PIXELS, whatever the diagram's size.
 */
export function planPng(width: number, height: number, smallestFont: number | undefined, askedScale?: number): PngPlan {
    let scale: number;
    let reason: PngPlan['reason'];
    if (askedScale !== undefined) {
        scale = askedScale;
        reason = 'asked';
    } else {
        const fits = roundDown(Math.sqrt(PLANNED_PIXELS / (width * height)));
        // Rounded up: the zoom at which the smallest text is at least LEGIBLE_PX.
        const legible = smallestFont === undefined ? 0 : Math.ceil(LEGIBLE_PX / smallestFont * 100) / 100;
        if (fits >= DEFAULT_SCALE) {
            scale = DEFAULT_SCALE;
            reason = 'default';
        } else if (fits >= legible) {
            scale = fits;
            reason = 'fitted';
        } else {
            scale = Math.min(DEFAULT_SCALE, legible);
            reason = 'legible';
        }
    }
    const pixelWidth = Math.max(1, Math.ceil(width * scale));
    const pixelHeight = Math.max(1, Math.ceil(height * scale));
    const smallestTextPx = smallestFont === undefined ? undefined : smallestFont * scale;
    const atLeast = Math.ceil(pixelWidth * pixelHeight / PLANNED_PIXELS);
    if (atLeast > MAX_PAGES) {
        // Not even planned: a page grid for an absurd zoom would take as long to find as to draw.
        return { scale, width: pixelWidth, height: pixelHeight, pages: [], pagesNeeded: atLeast, columns: 0, rows: 0, smallestTextPx, reason };
    }
    // One PNG is drawn whole, at exactly this size; pages are cut with room for rounding.
    const grid = pixelWidth * pixelHeight <= PAGE_PIXELS
        ? { columns: 1, rows: 1, pageWidth: pixelWidth, pageHeight: pixelHeight }
        : pageGrid(pixelWidth, pixelHeight);
    const pagesNeeded = grid.columns * grid.rows;
    const pages: Region[] = [];
    for (let row = 0; row < grid.rows && pagesNeeded <= MAX_PAGES; row++) {
        for (let column = 0; column < grid.columns; column++) {
            const left = column * grid.pageWidth;
            const top = row * grid.pageHeight;
            pages.push({
                x: left / scale, y: top / scale,
                width: Math.min(grid.pageWidth, pixelWidth - left) / scale,
                height: Math.min(grid.pageHeight, pixelHeight - top) / scale
            });
        }
    }
    return { scale, width: pixelWidth, height: pixelHeight, pages, pagesNeeded, columns: grid.columns, rows: grid.rows, smallestTextPx, reason };
}

/** About the largest zoom at which a diagram of `width` × `height` units fits in MAX_PAGES pages. */
export function largestScaleWithinPages(width: number, height: number): number {
    return roundDown(Math.sqrt(MAX_PAGES * PLANNED_PIXELS / (width * height)) * 0.9);
}
