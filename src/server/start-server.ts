import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createCycleServices } from './services.js';
import { handleCompareRequests } from './compare-request.js';
import { pushPreviewModels } from './preview-model-push.js';
import { refreshAfterFullValidation } from './refresh-after-full-validation.js';

/**
 * Starts the cycle language server on the connection named on the command line
 * (`--stdio`, `--node-ipc` or `--socket=N`), as `cycle lsp --stdio` and the VS Code
 * extension do.
 */
export function startCycleLanguageServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared, Cycle } = createCycleServices({ connection, ...NodeFileSystem });
    refreshAfterFullValidation(shared, connection);
    startLanguageServer(shared);
    pushPreviewModels(shared, Cycle, connection);
    handleCompareRequests(shared, Cycle, connection);
}
