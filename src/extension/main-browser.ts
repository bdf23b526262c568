import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { addCycleEditorFeatures, cycleClientOptions } from './cycle-editor.js';
import { answerWorkspaceFiles } from './web/workspace-files.js';

let client: LanguageClient | undefined;

/**
 * The VS Code side in VS Code for the Web (vscode.dev, github.dev): the same language
 * server, bundled as a Web Worker started from the extension's own address. The
 * worker has no disk: it asks for the workspace's files and this side answers from
 * the editor's file system (web/workspace-files.ts). There is no git and no shell.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server-worker.js').toString(true));
    // Every scheme: a web workspace lives at vscode-vfs:, vscode-test-web:… addresses.
    const started = new LanguageClient('cycle', 'Service Cycles', worker, cycleClientOptions([{ language: 'cycle' }]));
    client = started;
    for (const answering of answerWorkspaceFiles(started)) context.subscriptions.push(answering);
    addCycleEditorFeatures(context, started, { compareWithHead: compareUnavailable, exportReport: reportUnavailable });
    await started.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/** The command is hidden in the web; run anyway (a keybinding, another extension), it says why. */
async function compareUnavailable(): Promise<void> {
    void vscode.window.showInformationMessage(
        'Compare with HEAD is not available in VS Code for the Web: it runs git on your machine. Open the folder in desktop VS Code, or run `cycle diff` in a terminal.');
}

/**
 * Hidden in the web like Compare with HEAD (docs/decisions.md): the report's PDF is
 * written by the CLI with fonts read from disk, which a browser worker has not.
 */
async function reportUnavailable(): Promise<void> {
    void vscode.window.showInformationMessage(
        'Export Report is not available in VS Code for the Web: it runs the cycle command on your machine. Open the folder in desktop VS Code, or run `cycle report FILE -o report.pdf` in a terminal.');
}
