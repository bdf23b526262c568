import type { DrawnCycle } from '../model/cycle-model.js';
import { layoutBlueprint } from './layout-blueprint.js';
import { layoutClock } from './layout-clock.js';
import { layoutJourney } from './layout-journey.js';
import { renderSvg } from './render-svg.js';
import type { Scene, ViewName } from './scene.js';
import type { ThemeName } from './theme.js';

export type { Scene, ViewName } from './scene.js';
export type { ThemeName } from './theme.js';
export const VIEWS: readonly ViewName[] = ['clock', 'blueprint', 'journey'];

/** Cycle model → laid-out scene, for one of the three views. */
export function layoutCycle(cycle: DrawnCycle, view: ViewName = 'clock'): Scene {
    switch (view) {
        case 'blueprint': return layoutBlueprint(cycle);
        case 'journey': return layoutJourney(cycle);
        default: return layoutClock(cycle);
    }
}

/** Cycle model → SVG text: what `cycle render`, the preview and any web page draw. */
export function renderCycleSvg(cycle: DrawnCycle, options: { view?: ViewName; theme?: ThemeName } = {}): string {
    return renderSvg(layoutCycle(cycle, options.view ?? 'clock'), options.theme ?? 'light');
}
