import type { CycleSharedServices } from './services.js';
import type { Connection } from 'vscode-languageserver';

/**
 * An editor asks for code lenses, inlay hints and semantic tokens when it opens a
 * file; a request that arrives while the open-time full validation restarts the build
 * is cancelled, and the editor does not ask again until the text changes. So after
 * full validation, ask the editor (when it supports it) to refresh them, once the
 * open-time burst has settled: a refresh within a few hundred milliseconds of
 * opening, before VS Code has made its own first code lens request, was seen to
 * leave the file without lenses at all on a loaded machine (3 opens in 5 in
 * code-server with both cores busy); the same refresh two seconds later never did.
 *
 * Issue 10 found where most of those refusals came from: a request that arrived
 * before the update adding the just-opened document was answered "server
 * cancelled", and, with two vscode-jsonrpc copies in the bundle, sent as a result
 * object that VS Code took for the lenses. Such a request now waits for the document
 * (CycleDocumentBuilder.awaitDocumentState), with one vscode-jsonrpc. The refresh
 * stays as a safety net until a code-server run shows it unneeded: an editor that
 * cancels its own request during the burst still does not ask again.
 */
const REFRESH_DELAY_MS = 1500;

export function refreshAfterFullValidation(shared: CycleSharedServices, connection: Connection): void {
    let supports = { codeLens: false, inlayHint: false, semanticTokens: false };
    shared.lsp.LanguageServer.onInitialize(params => {
        const workspace = params.capabilities.workspace;
        supports = {
            codeLens: Boolean(workspace?.codeLens?.refreshSupport),
            inlayHint: Boolean(workspace?.inlayHint?.refreshSupport),
            semanticTokens: Boolean(workspace?.semanticTokens?.refreshSupport)
        };
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refreshAll = () => {
        timer = undefined;
        const refresh = (method: string) => void connection.sendRequest(method).catch(() => undefined);
        if (supports.codeLens) refresh('workspace/codeLens/refresh');
        if (supports.inlayHint) refresh('workspace/inlayHint/refresh');
        if (supports.semanticTokens) refresh('workspace/semanticTokens/refresh');
    };
    shared.workspace.DocumentBuilder.onFullValidation(() => {
        // One refresh after the last of a burst of full validations (opening several files).
        if (timer) clearTimeout(timer);
        timer = setTimeout(refreshAll, REFRESH_DELAY_MS);
        timer.unref?.(); // never what keeps a stopping server alive
    });
}
