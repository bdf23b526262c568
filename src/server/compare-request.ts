import { DocumentState } from 'langium';
import { CancellationToken, type Connection } from 'vscode-languageserver';
import { fileDiff } from '../diff/file-diff.js';
import { analyse } from '../model/analyse.js';
import { COMPARE_REQUEST, type CompareResult } from '../protocol.js';
import type { CycleServices, CycleSharedServices } from './services.js';
import type { PreviewResultsOf } from './preview-model-push.js';
import { cancelledAsError, documentUri, invalidParams, paramsObject } from './request-params.js';

const EXPECTED = '{ uri: string, oldText: string }';

/**
 * "Compare with HEAD": the client sends the old text; the server checks it in a
 * workspace of its own (the other files as they are now, so roles resolve), diffs it
 * with the open document, and answers with the diff and both versions' cycles: the
 * extension draws them, the current version with its survey results (the committed
 * answers files are not read: the results are those on disk now, which belong to the
 * current text). Outside the build lock: it only reads the workspace.
 */
export function handleCompareRequests(shared: CycleSharedServices, language: CycleServices, connection: Connection, resultsOf: PreviewResultsOf = async () => undefined): void {
    connection.onRequest(COMPARE_REQUEST, async (params: unknown, cancel?: unknown) /* the token, unless params came as a list */: Promise<CompareResult | null> => {
        const given = paramsObject(params);
        const uri = documentUri(given);
        const oldText = given?.oldText;
        if (!uri || typeof oldText !== 'string') throw invalidParams(COMPARE_REQUEST, EXPECTED);
        const current = shared.workspace.LangiumDocuments.getDocument(uri);
        if (!current) return null;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, CancellationToken.is(cancel) ? cancel : undefined).catch(cancelledAsError);
        // Every other document the server holds (workspace files, open documents), so roles resolve as they do now.
        const others = shared.workspace.LangiumDocuments.all.filter(d => d.uri.toString() !== uri.toString()).toArray()
            .map(d => ({ uri: d.uri, text: d.textDocument.getText() }));
        const analysis = await analyse([...others, { uri, text: oldText }]);
        const old = analysis.texts[analysis.texts.length - 1];
        const before = { model: old.model, diagnostics: old.diagnostics };
        const after = { model: language.model.CycleModels.modelOf(current), diagnostics: current.diagnostics ?? [] };
        const name = uri.path.substring(uri.path.lastIndexOf('/') + 1);
        const results = await resultsOf(current).catch(() => undefined);
        return { diff: fileDiff(name, 'modified', before, after), before: before.model.cycles, after: after.model.cycles, ...(results ? { results } : {}) };
    });
}
