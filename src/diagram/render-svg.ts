import { balanceBidi } from '../domain/neutralise/svg.js';
import type { Box, Paint, Scene, SceneNode } from './scene.js';
import { escapeXml as escapeMarkup } from './text.js';
import { FONT_FAMILY, PALETTES, type ThemeName } from './theme.js';


/**
 * Markup escaped, and bidi characters balanced: a label's open override or stray pop
 * cannot reach beyond the element or attribute it is written in (titles and
 * attributes are not wrapped, so only this keeps them in line).
 */
function escapeXml(text: string): string {
    return escapeMarkup(balanceBidi(text));
}

/**
 * Scene → SVG text. Presentation attributes only, no `<style>` or `style=`: the
 * preview's Content-Security-Policy allows no inline styles, and classes stay free
 * for the preview's own stylesheet (selection, hover). Every text and attribute
 * value goes through escapeXml.
 */
export function renderSvg(scene: Scene, theme: ThemeName = 'light', viewport?: Box): string {
    const palette = PALETTES[theme];
    const paint = (p: Paint | undefined) => (p === undefined ? undefined : p === 'none' ? 'none' : palette[p]);
    const out: string[] = [];
    // `viewport`: a part of the scene only (a page of a PNG drawn in pages), at its own size.
    const { x, y, width, height } = viewport ?? { x: 0, y: 0, width: scene.width, height: scene.height };
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(scene.title)}" class="cycle-diagram view-${scene.view} theme-${theme}" font-family="${escapeXml(FONT_FAMILY)}">`);
    out.push(`<title>${escapeXml(scene.title)}</title>`);
    out.push(`<rect class="background" x="${x}" y="${y}" width="${width}" height="${height}" fill="${palette.background}"/>`);
    for (const node of scene.nodes) write(node, out, paint);
    out.push('</svg>');
    return out.join('\n');
}

function attrs(values: Record<string, string | number | undefined>): string {
    return Object.entries(values)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => ` ${key}="${escapeXml(typeof value === 'number' ? String(Math.round(value * 100) / 100) : value!)}"`)
        .join('');
}

function write(node: SceneNode, out: string[], paint: (p: Paint | undefined) => string | undefined): void {
    switch (node.kind) {
        case 'group': {
            const data = Object.fromEntries(Object.entries(node.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
            out.push(`<g${attrs({ class: node.className, ...data, opacity: node.opacity })}>`);
            if (node.title !== undefined) out.push(`<title>${escapeXml(node.title)}</title>`);
            for (const child of node.children) write(child, out, paint);
            out.push('</g>');
            return;
        }
        case 'circle':
            out.push(`<circle${attrs({ class: node.className, cx: node.cx, cy: node.cy, r: node.r, fill: paint(node.fill), stroke: paint(node.stroke), 'stroke-width': node.strokeWidth, 'stroke-dasharray': node.dash })}/>`);
            return;
        case 'rect':
            out.push(`<rect${attrs({ class: node.className, x: node.x, y: node.y, width: node.width, height: node.height, rx: node.rx, fill: paint(node.fill), stroke: paint(node.stroke), 'stroke-width': node.strokeWidth, 'stroke-dasharray': node.dash })}/>`);
            return;
        case 'line':
            out.push(`<line${attrs({ class: node.className, x1: node.x1, y1: node.y1, x2: node.x2, y2: node.y2, stroke: paint(node.stroke), 'stroke-width': node.strokeWidth, 'stroke-dasharray': node.dash })}/>`);
            return;
        case 'path':
            out.push(`<path${attrs({ class: node.className, d: node.d, fill: paint(node.fill), stroke: paint(node.stroke), 'stroke-width': node.strokeWidth, 'stroke-dasharray': node.dash, 'stroke-linejoin': 'round' })}/>`);
            return;
        case 'text': {
            const lineHeight = node.lineHeight ?? Math.round(node.size * 1.25);
            const style = {
                'font-size': node.size, 'text-anchor': node.anchor ?? 'start',
                'font-weight': node.weight === 'bold' ? 'bold' : undefined, 'font-style': node.italic ? 'italic' : undefined, fill: paint(node.fill)
            };
            // One <text> per line, never <tspan> lines: a renderer may treat a whole
            // <text> as one bidi paragraph (resvg does), which garbles wrapped
            // right-to-left labels: words reordered across lines, glyphs drawn over each other.
            node.lines.forEach((line, i) => {
                out.push(`<text${attrs({ class: node.className, x: node.x, y: node.y + i * lineHeight, ...style })}>${escapeXml(line)}</text>`);
            });
            return;
        }
    }
}
