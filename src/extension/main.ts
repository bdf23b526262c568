import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { compareWithHead } from './compare/compare-with-head.js';
import { PreviewManager } from './preview/preview-manager.js';
import { UnmitigatedMarks } from './unmitigated-marks.js';

let client: LanguageClient | undefined;

/**
 * The VS Code side: starts the bundled language server and adds what LSP cannot
 * express: a gutter and overview-ruler mark on every unmitigated critical moment,
 * and the live diagram preview.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'cycle' }, { scheme: 'untitled', language: 'cycle' }],
        outputChannelName: 'Service Cycles'
    };
    client = new LanguageClient('cycle', 'Service Cycles', serverOptions, clientOptions);
    context.subscriptions.push(new UnmitigatedMarks(context.asAbsolutePath('media/unmitigated-gutter.svg')));
    const preview = new PreviewManager(context, client);
    context.subscriptions.push(
        preview,
        vscode.commands.registerCommand('cycle.showPreviewToSide', (uri?: vscode.Uri) => preview.show(true, uri)),
        vscode.commands.registerCommand('cycle.showPreview', (uri?: vscode.Uri) => preview.show(false, uri)),
        vscode.commands.registerCommand('cycle.exportSvg', () => preview.export('svg')),
        vscode.commands.registerCommand('cycle.exportPng', () => preview.export('png')),
        vscode.commands.registerCommand('cycle.compareWithHead', (uri?: vscode.Uri) => compareWithHead(client!, context, uri))
    );
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
