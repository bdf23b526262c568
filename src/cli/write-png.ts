import { extname } from 'node:path';
import type { Scene, ThemeName } from '../diagram/index.js';
import { renderSvg } from '../diagram/render-svg.js';
import type { SceneNode } from '../diagram/scene.js';
import { sceneInRegion } from '../diagram/scene-region.js';
import { CliError, EXIT_USAGE } from './cli-error.js';
import type { CommandIo } from './check-command.js';
import { missingCjkFontAdvice } from './font-check.js';
import { outputTarget } from './output-target.js';
import { bundledFontCoverage, needsSystemFonts } from './png-fonts.js';
import { largestScaleWithinPages, LEGIBLE_PX, MAX_PAGES, PAGE_PIXELS, planPng, type PngPlan } from './png-plan.js';
import { writeFileAtomically } from './write-output.js';

/** `1.5×`: a zoom as messages name it. */
function zoom(scale: number): string {
    return `${Number(scale.toFixed(2))}×`;
}

/**
 * The files of a drawing split into pages: `x.png` → `x-1.png`, `x-2.png`… numbered
 * with as many digits as the last page needs (`x-01.png` … `x-12.png`), so that they
 * sort in reading order.
 */
export function pagePaths(path: string, pages: number): string[] {
    if (pages === 1) return [path];
    const extension = extname(path);
    const stem = path.slice(0, path.length - extension.length);
    const digits = String(pages).length;
    return Array.from({ length: pages }, (_, i) => `${stem}-${String(i + 1).padStart(digits, '0')}${extension}`);
}

/** Every line of text the scene draws, and the smallest size it draws one at. */
function sceneText(scene: Scene): { lines: string[]; smallest: number | undefined } {
    const lines: string[] = [];
    let smallest: number | undefined;
    const visit = (node: SceneNode): void => {
        if (node.kind === 'group') {
            for (const child of node.children) visit(child);
        } else if (node.kind === 'text' && node.lines.length > 0) {
            for (const line of node.lines) lines.push(line);
            if (smallest === undefined || node.size < smallest) smallest = node.size;
        }
    };
    for (const node of scene.nodes) visit(node);
    return { lines, smallest };
}

/** Why the drawing has the zoom it has, for the `wrote …` line (empty at the plain 2×). */
function zoomNote(plan: PngPlan): string {
    if (plan.pages.length > 1) {
        const why = plan.reason === 'legible' ? ` so that its smallest text is ${Number(plan.smallestTextPx!.toFixed(1))} px tall` : '';
        return ` on ${plan.pages.length} pages (${plan.columns} across, ${plan.rows} down) at ${zoom(plan.scale)} zoom${why}`;
    }
    if (plan.reason === 'fitted') return ` at ${zoom(plan.scale)} zoom, to stay within ${PAGE_PIXELS / 1_000_000} megapixels`;
    if (plan.reason === 'asked') return ` at ${zoom(plan.scale)} zoom`;
    return '';
}

/**
 * Draws `scene` as PNG at `path`, by the rule of png-plan.ts: one PNG when it fits,
 * else pages `x-1.png`, `x-2.png`…, each drawn from only the part of the scene it
 * shows. Every page's path is checked before any drawing. `what` names the drawing
 * in the closing `wrote …` line (`clock view of bank`).
 */
export async function writePng(scene: Scene, theme: ThemeName, path: string, askedScale: number | undefined,
    inputs: readonly string[], what: string, io: CommandIo): Promise<void> {
    const text = sceneText(scene);
    const plan = planPng(scene.width, scene.height, text.smallest, askedScale);
    const svgFile = path.replace(/\.png$/i, '.svg');
    if (plan.pages.length === 0) {
        const advice = askedScale === undefined
            ? `write SVG instead (-o ${svgFile}): one picture of any size, legible at every zoom`
            : `choose a smaller --scale (at most about ${largestScaleWithinPages(scene.width, scene.height)} fits), or write SVG instead (-o ${svgFile})`;
        throw new CliError(`${path}: at ${zoom(plan.scale)} zoom this diagram is ${plan.width.toLocaleString('en')} × ${plan.height.toLocaleString('en')} px, ` +
            `more than ${MAX_PAGES} PNGs of at most ${PAGE_PIXELS / 1_000_000} megapixels; ${advice}.`, EXIT_USAGE);
    }
    const paths = pagePaths(path, plan.pages.length);
    for (const page of paths) outputTarget(page, inputs);
    const allText = text.lines.join('\n');
    const advice = missingCjkFontAdvice(allText);
    if (advice) io.err(`cycle: ${advice}\n`);
    if (plan.reason === 'asked' && plan.smallestTextPx !== undefined && plan.smallestTextPx < LEGIBLE_PX) {
        io.err(`cycle: at --scale ${Number(plan.scale.toFixed(4))} the smallest text is ${Number(plan.smallestTextPx.toFixed(1))} px tall, ` +
            `hard to read (by default text is never drawn under ${LEGIBLE_PX} px).\n`);
    }
    // Each page's SVG is made when it is drawn, from only its part of the scene.
    function* pageSvgs(): Generator<string> {
        if (plan.pages.length === 1) {
            yield renderSvg(scene, theme);
            return;
        }
        for (const region of plan.pages) yield renderSvg(sceneInRegion(scene, region), theme, region);
    }
    const { drawPngPages } = await import('./render-png.js');
    let index = 0;
    for await (const png of drawPngPages(pageSvgs(), plan.scale, needsSystemFonts(text.lines, bundledFontCoverage()))) {
        writeFileAtomically(paths[index++], png);
    }
    const written = paths.length === 1 ? paths[0] : `${paths[0]} … ${paths[paths.length - 1]}`;
    io.err(`cycle: wrote ${written} (${what}${zoomNote(plan)}).\n`);
    if (paths.length > 1) {
        io.err(`cycle: one PNG holds at most ${PAGE_PIXELS / 1_000_000} megapixels; side by side, in reading order, the pages make the whole diagram. ` +
            `For one picture of any size write SVG (-o ${svgFile}).\n`);
    }
}
