import type { DrawnCycle } from '../model/cycle-model.js';
import { layoutBlueprint } from './layout-blueprint.js';
import { layoutClock } from './layout-clock.js';
import { layoutIpa } from './layout-ipa.js';
import { layoutJourney } from './layout-journey.js';
import { layoutPlan } from './layout-plan.js';
import type { LayoutOptions } from './layout-options.js';
import { renderSvg } from './render-svg.js';
import type { Scene, ViewName } from './scene.js';
import type { ThemeName } from './theme.js';

export type { Scene, ViewName } from './scene.js';
export type { ThemeName } from './theme.js';
export type { LayoutOptions } from './layout-options.js';
export type { DiagramResults } from './results-marks.js';
/** The views that draw every moment (the SVG contract: an element per moment). */
export const VIEWS: readonly ViewName[] = ['clock', 'blueprint', 'journey'];
/** Every view: those above, the plan (requirements → actions, priority areas) and the importance–performance scatter of survey results. */
export const ALL_VIEWS: readonly ViewName[] = [...VIEWS, 'plan', 'ipa'];

/** Cycle model → laid-out scene, for one of the views. */
export function layoutCycle(cycle: DrawnCycle, view: ViewName = 'clock', options: LayoutOptions = {}): Scene {
    switch (view) {
        case 'blueprint': return layoutBlueprint(cycle, options);
        case 'journey': return layoutJourney(cycle, options);
        case 'plan': return layoutPlan(cycle, options);
        case 'ipa': return layoutIpa(cycle, options);
        default: return layoutClock(cycle, options);
    }
}

/** Cycle model → SVG text: what `cycle render`, the preview and any web page draw. */
export function renderCycleSvg(cycle: DrawnCycle, options: LayoutOptions & { view?: ViewName; theme?: ThemeName } = {}): string {
    return renderSvg(layoutCycle(cycle, options.view ?? 'clock', options), options.theme ?? 'light');
}
