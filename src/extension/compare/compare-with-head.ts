import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMPARE_REQUEST, type CompareParams, type CompareResult } from '../../protocol.js';
import { compareHtml } from './compare-html.js';
import { drawComparison } from './draw-comparison.js';

const run = promisify(execFile);

/** The file as committed in HEAD; '' for a file git does not know yet (all of it is new). */
async function headVersion(opened: string): Promise<string> {
    // git names the repository by its real path: a file opened through a symlinked
    // folder must be named the same way, or it reads as new in every line.
    const file = await realpath(opened).catch(() => opened);
    const cwd = dirname(file);
    let root: string;
    try {
        root = (await run('git', ['rev-parse', '--show-toplevel'], { cwd })).stdout.trim();
    } catch {
        throw new Error('this file is not in a git repository');
    }
    const path = relative(root, file).split('\\').join('/');
    try {
        return (await run('git', ['show', `HEAD:${path}`], { cwd: root, maxBuffer: 64 * 1024 * 1024 })).stdout;
    } catch {
        return '';
    }
}

/**
 * "Compare with HEAD": the semantic diff (risk changes first) and the visual diff of
 * the file's uncommitted changes, side by side in one view.
 */
export async function compareWithHead(client: LanguageClient, context: vscode.ExtensionContext, resource?: vscode.Uri): Promise<void> {
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
    panel.webview.html = compareHtml({ cspSource: panel.webview.cspSource, styleUri: style, title: `${name}: changes since HEAD`, diffHtml: drawn.html, svgs: drawn.svgs });
}
