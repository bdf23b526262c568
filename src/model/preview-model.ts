import type { CycleModel, FileModel } from './cycle-model.js';

/**
 * What the preview needs of a file: its cycles with their moments and phases (and
 * the moments' ranges, to go back to the source). Requirements, actions, areas and
 * surveys stay on the server: the preview never draws them.
 */
export interface PreviewModel {
    uri: string;
    /** The document version the model was built from. */
    version: number | null;
    /** Syntax errors in that version: the preview keeps the last good diagram when > 0. */
    syntaxErrors: number;
    cycles: CycleModel[];
}

export function toPreviewModel(model: FileModel, version: number | null, syntaxErrors: number): PreviewModel {
    return {
        uri: model.uri,
        version,
        syntaxErrors,
        cycles: model.cycles.map(cycle => ({ ...cycle, requirements: [], actions: [], areas: [], surveys: [], priorities: [] }))
    };
}

/** The notification the server sends after each build, and the request the preview may make. */
export const PREVIEW_MODEL_NOTIFICATION = 'cycle/previewModel';
export const PREVIEW_MODEL_REQUEST = 'cycle/getPreviewModel';
/**
 * The client says which documents a preview shows (`{ uris: [] }` when none): the
 * server pushes models for those only, so typing without a preview costs nothing.
 */
export const PREVIEW_WATCH_NOTIFICATION = 'cycle/watchPreview';

export interface PreviewWatchParams {
    readonly uris: readonly string[];
}
