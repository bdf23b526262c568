import { DocumentState, type LangiumDocument } from 'langium';
import { CancellationToken, type Connection } from 'vscode-languageserver';
import { withFileRoles, type FileModel } from '../model/cycle-model.js';
import {
    PREVIEW_MODEL_NOTIFICATION, PREVIEW_MODEL_REQUEST, PREVIEW_WATCH_NOTIFICATION, type PreviewModel, type PreviewWatchParams
} from '../protocol.js';
import type { DiagramResults } from '../diagram/results-marks.js';
import type { CycleServices, CycleSharedServices } from './services.js';
import { hasSyntaxErrors } from '../language/syntax-errors.js';
import { cancelledAsError, documentUri, invalidParams, paramsObject, parseUri } from './request-params.js';

/** A document's survey results as the preview draws them, by cycle id (undefined: none). */
export type PreviewResultsOf = (document: LangiumDocument) => Promise<Record<string, DiagramResults> | undefined>;

/**
 * After each build, sends the preview the small model of every document it shows
 * that was rebuilt. It runs after validation, so when a results file changes (which
 * re-validates the `.cycle` files that read it) the push that follows carries the new
 * figures. The model is built at once (cached per parse); the results are read after
 * the build lock is released, and the pushes of one document are sent in the order of
 * its builds, so an older wave never arrives after a newer one. Layout and drawing
 * happen in the preview. With no preview open nothing is built or sent (for 1,000
 * moments that is 600 KB of JSON a keystroke saved).
 */
export function pushPreviewModels(shared: CycleSharedServices, language: CycleServices, connection: Connection, resultsOf: PreviewResultsOf = async () => undefined): void {
    const previewModelOf = async (document: LangiumDocument): Promise<PreviewModel> => {
        const syntaxErrors = hasSyntaxErrors(document)
            ? document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length + (document.parseResult.lexerReport?.diagnostics.length ?? 0)
            : 0;
        const model = toPreviewModel(language.model.CycleModels.modelOf(document), document.textDocument.version, syntaxErrors);
        // A results file that cannot be read leaves the diagram as it is drawn without results: the editor reports why.
        const results = await resultsOf(document).catch(() => undefined);
        return results && Object.keys(results).length > 0 ? { ...model, results } : model;
    };
    const queues = new Map<string, Promise<void>>();
    const send = (document: LangiumDocument) => {
        const key = document.uri.toString();
        const model = previewModelOf(document);
        const next = (queues.get(key) ?? Promise.resolve()).then(async () => {
            await connection.sendNotification(PREVIEW_MODEL_NOTIFICATION, await model);
        }).catch(() => undefined);
        queues.set(key, next);
        void next.then(() => { if (queues.get(key) === next) queues.delete(key); });
    };
    let watched = new Set<string>();
    connection.onNotification(PREVIEW_WATCH_NOTIFICATION, (params: PreviewWatchParams | undefined) => {
        const uris = Array.isArray(params?.uris) ? params.uris.map(parseUri).filter(uri => uri !== undefined) : [];
        watched = new Set(uris.map(uri => uri.toString()));
    });
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        if (watched.size === 0) return;
        for (const document of documents) {
            if (!watched.has(document.uri.toString())) continue;
            send(document);
        }
    });
    // A preview restored after a reload, or opened on a file no editor shows, asks.
    connection.onRequest(PREVIEW_MODEL_REQUEST, async (params: unknown, cancel?: unknown) /* the token, unless params came as a list */: Promise<PreviewModel | null> => {
        const uri = documentUri(paramsObject(params));
        if (!uri) throw invalidParams(PREVIEW_MODEL_REQUEST, '{ uri: string }');
        await shared.workspace.WorkspaceManager.ready;
        const document = shared.workspace.LangiumDocuments.getDocument(uri);
        if (!document) return null;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, CancellationToken.is(cancel) ? cancel : undefined).catch(cancelledAsError);
        return previewModelOf(document);
    });
}

/**
 * Only what a diagram draws (the plan view draws requirements, actions and areas):
 * surveys stay on the server. Each cycle carries the file's top-level roles it sees,
 * so lanes and owners are named by their labels.
 */
export function toPreviewModel(model: FileModel, version: number | null, syntaxErrors: number): PreviewModel {
    return {
        uri: model.uri,
        version,
        syntaxErrors,
        cycles: model.cycles.map(({ id, label, language, customer, goal, stage, peaks, roles, phases, moments, requirements, actions, areas, priorities, range, idRange }) =>
            withFileRoles({ id, label, language, customer, goal, stage, peaks, roles, phases, moments, requirements, actions, areas, priorities, range, idRange }, model.roles))
    };
}
