import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { compareWithHead } from './compare/compare-with-head.js';
import { addCycleEditorFeatures, cycleClientOptions } from './cycle-editor.js';
import { exportReport } from './report/export-report.js';

let client: LanguageClient | undefined;

/**
 * The VS Code side on the desktop: starts the bundled language server as a Node
 * process and adds what LSP cannot express (cycle-editor.ts); Compare with HEAD runs git.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const started = new LanguageClient('cycle', 'Service Cycles', serverOptions,
        cycleClientOptions([{ scheme: 'file', language: 'cycle' }, { scheme: 'untitled', language: 'cycle' }]));
    client = started;
    addCycleEditorFeatures(context, started, {
        compareWithHead: uri => compareWithHead(started, context, uri),
        exportReport: uri => exportReport(context, uri)
    });
    await started.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
