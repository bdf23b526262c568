import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { CycleDocumentBuilder } from './cycle-document-builder.js';

/**
 * An editor asks for code lenses, inlay hints and semantic tokens when it opens a
 * file; a request that arrives while the open-time full validation restarts the build
 * is cancelled, and the editor does not ask again until the text changes. So after
 * each full validation, ask the editor (when it supports it) to refresh them.
 */
export function refreshAfterFullValidation(shared: LangiumSharedServices, connection: Connection): void {
    let supports = { codeLens: false, inlayHint: false, semanticTokens: false };
    shared.lsp.LanguageServer.onInitialize(params => {
        const workspace = params.capabilities.workspace;
        supports = {
            codeLens: Boolean(workspace?.codeLens?.refreshSupport),
            inlayHint: Boolean(workspace?.inlayHint?.refreshSupport),
            semanticTokens: Boolean(workspace?.semanticTokens?.refreshSupport)
        };
    });
    (shared.workspace.DocumentBuilder as CycleDocumentBuilder).onFullValidation(() => {
        const refresh = (method: string) => void connection.sendRequest(method).catch(() => undefined);
        if (supports.codeLens) refresh('workspace/codeLens/refresh');
        if (supports.inlayHint) refresh('workspace/inlayHint/refresh');
        if (supports.semanticTokens) refresh('workspace/semanticTokens/refresh');
    });
}
