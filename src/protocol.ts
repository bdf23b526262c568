/**
 * What the server, the extension and the preview page say to one another: every
 * custom request and notification with its parameters and result, and the messages
 * between the extension and the webview. One module, imported by all three faces, so
 * a method name or a field is written once.
 */
import type { DiagramResults } from './diagram/results-marks.js';
import type { ViewName } from './diagram/scene.js';
import type { FileDiff } from './diff/format-diff.js';
import type { CycleModel, DrawnCycle } from './model/cycle-model.js';

/** What the preview needs of a file: the cycles as a diagram draws them, nothing more. */
export interface PreviewModel {
    uri: string;
    /** The document version the model was built from. */
    version: number | null;
    /** Syntax errors in that version: the preview keeps the last good diagram when > 0. */
    syntaxErrors: number;
    cycles: DrawnCycle[];
    /**
     * Survey results by cycle id: the current wave's figures and the CSAT target, for
     * the cycles whose survey has `results` lines that could be read. Absent when none.
     * The server sends them again when a results file changes (same `version`).
     */
    results?: Record<string, DiagramResults>;
}

/** The server sends a watched document's preview model after each build. */
export const PREVIEW_MODEL_NOTIFICATION = 'cycle/previewModel';
/** A preview restored after a reload, or opened on a file no editor shows, asks (null: unknown document). */
export const PREVIEW_MODEL_REQUEST = 'cycle/getPreviewModel';
export interface PreviewModelParams {
    readonly uri: string;
}
/**
 * The client says which documents a preview shows (`{ uris: [] }` when none): the
 * server pushes models for those only, so typing without a preview costs nothing.
 */
export const PREVIEW_WATCH_NOTIFICATION = 'cycle/watchPreview';
export interface PreviewWatchParams {
    readonly uris: readonly string[];
}

/**
 * "Compare with HEAD": the client sends the committed text; the server checks it
 * beside the workspace as it is now and answers with data (null: unknown document).
 * The extension draws the semantic and the visual diff.
 */
export const COMPARE_REQUEST = 'cycle/compare';
export interface CompareParams {
    readonly uri: string;
    readonly oldText: string;
}
export interface CompareResult {
    /** The semantic diff, risk changes and findings introduced or resolved. */
    diff: FileDiff;
    /** The cycles of the committed version and of the current one. */
    before: CycleModel[];
    after: CycleModel[];
    /** The current version's survey results by cycle id, painted on its visual diff; absent when none. */
    results?: Record<string, DiagramResults>;
}

/** What the extension tells the preview page. */
export type ToPreview =
    | { type: 'model'; model: PreviewModel }
    | { type: 'highlight'; id: string | null }
    | { type: 'export'; format: 'svg' | 'png' };

/** What the preview page tells the extension. */
export type FromPreview =
    | { type: 'ready'; uri: string }
    | { type: 'reveal'; uri: string; id: string }
    | { type: 'export'; format: 'svg' | 'png'; data: string };

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
    /** Callouts on critical moments (the Detail toggle). */
    detail?: boolean;
}

/**
 * The workspace's files for a server with no disk (the Web Worker of VS Code for the
 * Web): the server asks, the client answers from `vscode.workspace.fs`, and only for
 * URIs inside the workspace's folders. A failed request is a ResponseError whose
 * message says why.
 */
export const WORKSPACE_READ_FILE_REQUEST = 'cycle/workspace/readFile';
export const WORKSPACE_READ_DIRECTORY_REQUEST = 'cycle/workspace/readDirectory';
export const WORKSPACE_STAT_REQUEST = 'cycle/workspace/stat';
/** A survey's results file (`.csv`), as bytes: the server decodes it, and says so when it is not UTF-8. */
export const WORKSPACE_READ_BYTES_REQUEST = 'cycle/workspace/readBytes';
export interface WorkspaceFileParams {
    readonly uri: string;
}
/** A file's text, decoded as UTF-8. */
export interface WorkspaceFileText {
    text: string;
}
/** A file's bytes, in base64 (JSON-RPC carries text only). */
export interface WorkspaceFileBytes {
    base64: string;
}
export interface WorkspaceEntry {
    uri: string;
    isFile: boolean;
    isDirectory: boolean;
}
/** What a stat finds; null: nothing is there. */
export type WorkspaceStat = WorkspaceEntry | null;
