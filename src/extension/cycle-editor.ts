import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import { PreviewManager } from './preview/preview-manager.js';
import { UnmitigatedMarks } from './unmitigated-marks.js';

/**
 * What VS Code adds to the language server, on the desktop and in VS Code for the Web
 * alike: the gutter marks, the live preview and the commands. It imports nothing of
 * Node, so both entries (main.ts on Node, main-browser.ts in the web's worker) share
 * it; each entry only starts its own kind of server and says how it compares with HEAD.
 */
export interface CycleEditorFace {
    /** Compare with HEAD: git on the desktop; in the web, a message saying why not. */
    compareWithHead(resource?: vscode.Uri): Promise<void>;
    /** Export Report…: the bundled CLI on the desktop; in the web, a message saying why not. */
    exportReport(resource?: vscode.Uri): Promise<void>;
}

export function cycleClientOptions(documentSelector: DocumentSelector): LanguageClientOptions {
    return { documentSelector, outputChannelName: 'Service Cycles' };
}

export function addCycleEditorFeatures(context: vscode.ExtensionContext, client: BaseLanguageClient, face: CycleEditorFace): void {
    const preview = new PreviewManager(context, client);
    context.subscriptions.push(
        new UnmitigatedMarks(vscode.Uri.joinPath(context.extensionUri, 'media', 'unmitigated-gutter.svg')),
        preview,
        vscode.commands.registerCommand('cycle.showPreviewToSide', (uri?: vscode.Uri) => preview.show(true, uri)),
        vscode.commands.registerCommand('cycle.showPreview', (uri?: vscode.Uri) => preview.show(false, uri)),
        vscode.commands.registerCommand('cycle.exportSvg', () => preview.export('svg')),
        vscode.commands.registerCommand('cycle.exportPng', () => preview.export('png')),
        vscode.commands.registerCommand('cycle.compareWithHead', (uri?: vscode.Uri) => face.compareWithHead(uri)),
        vscode.commands.registerCommand('cycle.exportReport', (uri?: vscode.Uri) => face.exportReport(uri))
    );
}
