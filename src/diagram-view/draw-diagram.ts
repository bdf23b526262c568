import { layoutCycle, type LayoutOptions, type ViewName } from '../diagram/index.js';
import { renderSvg } from '../diagram/render-svg.js';
import type { ThemeName } from '../diagram/theme.js';
import type { DrawnCycle } from '../model/cycle-model.js';

/**
 * One cycle laid out and drawn as a live SVG element of `document`, by the same
 * renderer as `cycle render`. The SVG text is parsed as XML (never as HTML), so a
 * label can only ever be text: the renderer escaped it, the parser keeps it so.
 */
export function drawDiagram(document: Document, cycle: DrawnCycle, view: ViewName, theme: ThemeName, options: LayoutOptions = {}): SVGSVGElement {
    const svgText = renderSvg(layoutCycle(cycle, view, { today: localToday(), ...options }), theme);
    const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
    return document.importNode(parsed, true) as unknown as SVGSVGElement;
}

/** Marks one moment (by id) as selected in a drawn diagram, and no other. */
export function highlightMoment(stage: Element, id: string | null): void {
    for (const element of stage.querySelectorAll('.moment.selected')) element.classList.remove('selected');
    if (id) stage.querySelector(`[data-moment="${CSS.escape(id)}"]`)?.classList.add('selected');
}

/** Today in the viewer's time zone, `YYYY-MM-DD`: the plan marks overdue actions against it. */
export function localToday(now: Date = new Date()): string {
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
