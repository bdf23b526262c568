import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { changeWordsFor } from '../../domain/words/index.js';
import { COMPARE_REQUEST, type CompareParams, type CompareResult } from '../../protocol.js';
import { compareHtml } from './compare-html.js';
import { drawComparison } from './draw-comparison.js';
import { headVersion } from './head-version.js';

/**
 * "Compare with HEAD": the semantic diff (risk changes first) and the visual diff of
 * the file's uncommitted changes, side by side in one view.
 */
export async function compareWithHead(client: BaseLanguageClient, context: vscode.ExtensionContext, resource?: vscode.Uri): Promise<void> {
    if (!vscode.workspace.isTrusted) {
        // git reads the repository's own configuration, which can name commands to run.
        void vscode.window.showInformationMessage('Compare with HEAD runs git, which an untrusted workspace could make run its own commands: trust the workspace first.');
        return;
    }
    const uri = resource ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== 'file' || !uri.path.endsWith('.cycle')) {
        void vscode.window.showInformationMessage('Open a .cycle file saved in a git repository to compare it with HEAD.');
        return;
    }
    let oldText: string;
    try {
        oldText = await headVersion(uri.fsPath);
    } catch (error) {
        void vscode.window.showWarningMessage(`Cannot compare with HEAD: ${(error as Error).message}.`);
        return;
    }
    const kind = vscode.window.activeColorTheme.kind;
    const theme = kind === vscode.ColorThemeKind.HighContrast ? 'high-contrast' : kind === vscode.ColorThemeKind.Dark ? 'dark' : 'light';
    const params: CompareParams = { uri: uri.toString(), oldText };
    const result = await client.sendRequest<CompareResult | null>(COMPARE_REQUEST, params);
    if (!result) {
        void vscode.window.showWarningMessage('The language server does not know this file yet; try again in a moment.');
        return;
    }
    const name = uri.path.substring(uri.path.lastIndexOf('/') + 1);
    const panel = vscode.window.createWebviewPanel('cycle.compare', `${name} ↔ HEAD`, vscode.ViewColumn.Beside, {
        enableScripts: false,
        localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')]
    });
    const style = panel.webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview', 'compare.css')).toString();
    const drawn = drawComparison(result, theme);
    const title = changeWordsFor(drawn.language).title(name);
    panel.webview.html = compareHtml({ cspSource: panel.webview.cspSource, styleUri: style, title, diffHtml: drawn.html, svgs: drawn.svgs, language: drawn.language });
}
