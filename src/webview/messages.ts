import type { ViewName } from '../diagram/scene.js';
import type { PreviewModel } from '../model/preview-model.js';

/** What the extension tells the preview page. */
export type ToPreview =
    | { type: 'model'; model: PreviewModel }
    | { type: 'highlight'; id: string | null }
    | { type: 'export'; format: 'svg' | 'png' };

/** What the preview page tells the extension. */
export type FromPreview =
    | { type: 'ready'; uri: string }
    | { type: 'reveal'; uri: string; id: string }
    | { type: 'export'; format: 'svg' | 'png'; data: string }
    | { type: 'rendered'; version: number };

/** Kept by the page across updates and window reloads. */
export interface PreviewState {
    uri: string;
    view: ViewName;
    cycleId: string | null;
    zoom: number;
    panX: number;
    panY: number;
    /** Zoom to fit the panel (until the user zooms or pans). */
    fit: boolean;
}
