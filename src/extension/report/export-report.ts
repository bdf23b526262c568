import * as vscode from 'vscode';
import { basename } from 'node:path';
import { cliEnvironment, defaultReportPath, runReport, type CliLaunch } from './run-report.js';

/** The .cycle file to report on: the one clicked in the explorer, else the active editor's. */
function chosenCycle(resource: vscode.Uri | undefined): vscode.Uri | undefined {
    if (resource instanceof vscode.Uri) return resource;
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'cycle' ? document.uri : undefined;
}

/**
 * The report is made from the file on disk, as `cycle report` would: unsaved changes
 * are saved first when the user says so, never silently.
 */
async function savedOrCancelled(uri: vscode.Uri): Promise<boolean> {
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    if (!open?.isDirty) return true;
    const save = 'Save and Export';
    const answer = await vscode.window.showWarningMessage(`${basename(uri.fsPath)} has unsaved changes; the report is made from the saved file.`, { modal: true }, save);
    return answer === save && await open.save();
}

/**
 * *Cycle: Export Report…* on the desktop: asks where to save (PDF or HTML, named after
 * the file, beside it), runs the bundled `cycle report` on VS Code's own Node, and
 * offers to open what it wrote.
 */
export async function exportReport(context: vscode.ExtensionContext, resource?: vscode.Uri): Promise<void> {
    const cycle = chosenCycle(resource);
    if (!cycle) {
        void vscode.window.showErrorMessage('Export Report: open a .cycle file first (or choose one in the Explorer).');
        return;
    }
    if (cycle.scheme !== 'file') {
        void vscode.window.showErrorMessage(`Export Report needs a file on disk; ${basename(cycle.path)} is not one: save it to a folder first.`);
        return;
    }
    if (!await savedOrCancelled(cycle)) return;
    const target = await vscode.window.showSaveDialog({
        title: 'Export Report',
        defaultUri: vscode.Uri.file(defaultReportPath(cycle.fsPath)),
        filters: { PDF: ['pdf'], HTML: ['html', 'htm'] },
        saveLabel: 'Export Report'
    });
    if (!target) return;
    const launch: CliLaunch = { node: process.execPath, cli: context.asAbsolutePath('dist/cli/cli.mjs'), env: cliEnvironment() };
    const run = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Making the report of ${basename(cycle.fsPath)}…` },
        () => runReport(launch, cycle.fsPath, target.fsPath));
    if (!run.ok) {
        void vscode.window.showErrorMessage(`Export Report: ${run.message}`);
        return;
    }
    for (const warning of run.warnings) void vscode.window.showWarningMessage(`Export Report: ${warning}`);
    const open = 'Open';
    const answer = await vscode.window.showInformationMessage(`Report written to ${basename(run.output)}.`, open);
    // The system's viewer: VS Code shows neither a PDF nor a rendered HTML page itself.
    if (answer === open) await vscode.env.openExternal(vscode.Uri.file(run.output));
}
