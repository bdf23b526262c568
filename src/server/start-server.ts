import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { serveCycleLanguage } from './serve-cycle-language.js';

/**
 * Starts the cycle language server on the connection named on the command line
 * (`--stdio`, `--node-ipc` or `--socket=N`), as `cycle lsp --stdio` and the VS Code
 * extension do.
 */
export function startCycleLanguageServer(): void {
    serveCycleLanguage(createConnection(ProposedFeatures.all), NodeFileSystem.fileSystemProvider);
}
