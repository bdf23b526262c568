import { startLanguageServer } from 'langium/lsp';
import type { FileSystemProvider, LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { createCycleServices, type CycleServices, type CycleSharedServices } from './services.js';
import { handleCompareRequests } from './compare-request.js';
import { pushPreviewModels } from './preview-model-push.js';
import { previewResults } from './preview-results.js';
import { refreshAfterFullValidation } from './refresh-after-full-validation.js';

/**
 * The cycle language server on any connection and file system: the same server runs
 * as a Node process (stdio, IPC, socket) and in a browser's Web Worker (VS Code for
 * the Web, the playground), so this wiring imports nothing of Node.
 */
export function serveCycleLanguage(connection: Connection, fileSystemProvider: (services: unknown) => FileSystemProvider): { shared: CycleSharedServices; Cycle: CycleServices } {
    const services = createCycleServices({ connection, fileSystemProvider });
    refreshAfterFullValidation(services.shared, connection);
    startLanguageServer(services.shared);
    const resultsOf = (document: LangiumDocument) => previewResults(services.Cycle, document);
    pushPreviewModels(services.shared, services.Cycle, connection, resultsOf);
    handleCompareRequests(services.shared, services.Cycle, connection, resultsOf);
    return services;
}
