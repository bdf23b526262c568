import { DocumentState, EmptyFileSystem } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, type Connection } from 'vscode-languageserver';
import { renderVisualDiffSvg } from '../../diagram/diff-overlay.js';
import { diffCycles } from '../../diff/diff-cycles.js';
import { fileDiff } from '../../diff/file-diff.js';
import { formatDiffHtml } from '../../diff/format-html.js';
import type { ThemeName } from '../../diagram/theme.js';
import { buildFileModel } from '../../model/build-model.js';
import { createCycleCoreServices } from '../cycle-module.js';
import type { CycleServices } from '../cycle-lsp-module.js';
import type { Document } from '../generated/ast.js';
import { cancelledAsError, documentUri, invalidParams, paramsObject } from './request-params.js';

export const COMPARE_REQUEST = 'cycle/compare';

export interface CompareResult {
    /** The semantic diff as an HTML fragment (escaped). */
    html: string;
    /** One visual diff per cycle of the current version. */
    svgs: string[];
    changes: number;
}

/** The themes the visual diff is drawn in; anything else is drawn in the light one. */
const THEMES: readonly ThemeName[] = ['light', 'dark', 'high-contrast'];
const EXPECTED = '{ uri: string, oldText: string, theme?: "light" | "dark" | "high-contrast" }';

/**
 * "Compare with HEAD": the client sends the old text; the server checks it in a
 * workspace of its own (the other files as they are now, so roles resolve), diffs it
 * with the open document, and draws the visual diff. Outside the build lock: it only
 * reads the workspace.
 */
export function handleCompareRequests(shared: LangiumSharedServices, language: CycleServices, connection: Connection): void {
    connection.onRequest(COMPARE_REQUEST, async (params: unknown, cancel?: unknown) /* the token, unless params came as a list */: Promise<CompareResult | null> => {
        const given = paramsObject(params);
        const uri = documentUri(given);
        const oldText = given?.oldText;
        const theme = given?.theme;
        if (!uri || typeof oldText !== 'string' || (theme !== undefined && typeof theme !== 'string')) throw invalidParams(COMPARE_REQUEST, EXPECTED);
        const current = shared.workspace.LangiumDocuments.getDocument(uri);
        if (!current) return null;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, CancellationToken.is(cancel) ? cancel : undefined).catch(cancelledAsError);
        const scratch = createCycleCoreServices(EmptyFileSystem).Cycle;
        const factory = scratch.shared.workspace.LangiumDocumentFactory;
        // Every other document the server holds (workspace files, open documents), so roles resolve as they do now.
        const others = shared.workspace.LangiumDocuments.all.filter(d => d.uri.toString() !== uri.toString()).toArray()
            .map(d => factory.fromString(d.textDocument.getText(), d.uri));
        const old = factory.fromString<Document>(oldText, uri);
        for (const d of [...others, old]) scratch.shared.workspace.LangiumDocuments.addDocument(d);
        await scratch.shared.workspace.DocumentBuilder.build([...others, old], { validation: true });
        const before = { model: buildFileModel(old.parseResult.value, uri.toString()), diagnostics: old.diagnostics ?? [] };
        const after = { model: language.model.CycleModels.modelOf(current), diagnostics: current.diagnostics ?? [] };
        const name = uri.path.substring(uri.path.lastIndexOf('/') + 1);
        const diff = fileDiff(name, 'modified', before, after);
        const drawIn = THEMES.find(known => known === theme) ?? 'light';
        const svgs = after.model.cycles.map(cycle => {
            const previous = before.model.cycles.find(c => c.id === cycle.id) ?? { ...cycle, moments: [], phases: [] };
            return renderVisualDiffSvg(previous, cycle, diffCycles(previous, cycle), { theme: drawIn });
        });
        return { html: formatDiffHtml(diff), svgs, changes: diff.changes.length };
    });
}
