import * as vscode from 'vscode';

const UNMITIGATED = 'critical-unmitigated';

/**
 * A gutter icon and a mark in the overview ruler on every line the server reports
 * `critical-unmitigated` for, so a critical moment without prevention can be seen
 * while scrolling a long cycle. Driven by the diagnostics themselves: what the marks
 * show is exactly what the Problems view lists.
 */
export class UnmitigatedMarks implements vscode.Disposable {
    private readonly decoration: vscode.TextEditorDecorationType;
    private readonly subscriptions: vscode.Disposable[] = [];

    /** `gutterIcon`: a URI, not a path: in VS Code for the Web the extension lives at an http(s) address. */
    constructor(gutterIcon: vscode.Uri) {
        this.decoration = vscode.window.createTextEditorDecorationType({
            gutterIconPath: gutterIcon,
            gutterIconSize: 'contain',
            overviewRulerColor: new vscode.ThemeColor('editorError.foreground'),
            overviewRulerLane: vscode.OverviewRulerLane.Full,
            isWholeLine: true
        });
        this.subscriptions.push(
            vscode.languages.onDidChangeDiagnostics(event => {
                for (const editor of vscode.window.visibleTextEditors) {
                    if (event.uris.some(uri => uri.toString() === editor.document.uri.toString())) this.update(editor);
                }
            }),
            vscode.window.onDidChangeVisibleTextEditors(editors => editors.forEach(editor => this.update(editor)))
        );
        vscode.window.visibleTextEditors.forEach(editor => this.update(editor));
    }

    private update(editor: vscode.TextEditor): void {
        if (editor.document.languageId !== 'cycle') return;
        const ranges = vscode.languages.getDiagnostics(editor.document.uri)
            .filter(d => codeOf(d) === UNMITIGATED)
            .map(d => new vscode.Range(d.range.start.line, 0, d.range.start.line, 0));
        editor.setDecorations(this.decoration, ranges.map(range => ({
            range,
            hoverMessage: 'Critical moment without a prevent mitigation'
        })));
    }

    dispose(): void {
        this.subscriptions.forEach(s => s.dispose());
        this.decoration.dispose();
    }
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
    const code = diagnostic.code;
    return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}
