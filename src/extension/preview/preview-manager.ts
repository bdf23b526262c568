import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import {
    PREVIEW_MODEL_NOTIFICATION, PREVIEW_MODEL_REQUEST, PREVIEW_WATCH_NOTIFICATION,
    type FromPreview, type PreviewModel, type PreviewModelParams, type PreviewState, type PreviewWatchParams, type ToPreview
} from '../../protocol.js';
import { PreviewFeed } from './preview-feed.js';
import { previewHtml } from './preview-html.js';

const PREVIEW_VIEW_TYPE = 'cycle.preview';

/**
 * The diagram beside the editor, as VS Code's Markdown preview does it: one preview
 * that follows the active `.cycle` editor, fed by the models the language server
 * pushes after each build; click a moment to select it in the source, move the
 * cursor to highlight it in the diagram; restored after a window reload.
 */
export class PreviewManager implements vscode.Disposable, vscode.WebviewPanelSerializer {
    private panel: vscode.WebviewPanel | undefined;
    private readonly feed: PreviewFeed;
    private readonly subscriptions: vscode.Disposable[] = [];

    constructor(private readonly context: vscode.ExtensionContext, private readonly client: BaseLanguageClient) {
        this.feed = new PreviewFeed(
            model => this.post({ type: 'model', model }),
            uri => this.client.sendRequest<PreviewModel | null>(PREVIEW_MODEL_REQUEST, { uri } satisfies PreviewModelParams)
        );
        this.subscriptions.push(
            client.onNotification(PREVIEW_MODEL_NOTIFICATION, (model: PreviewModel) => this.feed.received(model)),
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (editor?.document.languageId === 'cycle') this.follow(editor.document.uri.toString());
            }),
            vscode.window.onDidChangeTextEditorSelection(event => this.onSelection(event)),
            vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
            // A restarted server knows nothing of the preview: tell it again what it shows.
            client.onDidChangeState(event => {
                if (event.newState === State.Running && this.feed.uri) this.follow(this.feed.uri);
            })
        );
    }

    /** Opens the preview, beside the editor or in its place, for the active `.cycle` file. */
    show(toSide: boolean, resource?: vscode.Uri): void {
        const target = resource ?? vscode.window.activeTextEditor?.document.uri;
        if (!target || !target.path.endsWith('.cycle')) {
            void vscode.window.showInformationMessage('Open a .cycle file to preview its diagram.');
            return;
        }
        const column = toSide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
        if (this.panel) {
            this.panel.reveal(column, true);
        } else {
            const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Cycle preview', { viewColumn: column, preserveFocus: true }, this.webviewOptions());
            this.attach(panel, { uri: target.toString(), view: 'clock', cycleId: null, zoom: 1, panX: 0, panY: 0, fit: true });
        }
        this.follow(target.toString());
    }

    /** After a reload, VS Code hands back the panel with the state the page saved. */
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
        panel.webview.options = this.webviewOptions();
        this.attach(panel, state ?? { uri: '', view: 'clock', cycleId: null, zoom: 1, panX: 0, panY: 0, fit: true });
        if (state?.uri) this.follow(state.uri);
    }

    /** Asks the page to export what it shows (the save dialog comes after). */
    export(format: 'svg' | 'png'): void {
        if (!this.panel) {
            void vscode.window.showInformationMessage('Open the cycle preview first.');
            return;
        }
        this.post({ type: 'export', format });
    }

    private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
        return {
            enableScripts: true,
            retainContextWhenHidden: false,
            localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview')]
        };
    }

    private attach(panel: vscode.WebviewPanel, state: PreviewState): void {
        this.panel = panel;
        this.feed.pageLoading();
        panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'cycle-file.svg');
        const webview = panel.webview;
        const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview', name)).toString();
        webview.html = previewHtml({ cspSource: webview.cspSource, scriptUri: asset('preview.js'), styleUri: asset('preview.css'), initialState: state });
        panel.onDidDispose(() => {
            if (this.panel === panel) {
                this.panel = undefined;
                this.feed.pageClosed();
                this.watch([]);
            }
        });
        webview.onDidReceiveMessage((message: FromPreview) => this.onMessage(message));
    }

    private follow(uri: string): void {
        if (!this.panel) return;
        this.panel.title = `Preview ${uri.substring(uri.lastIndexOf('/') + 1)}`;
        // The server only pushes models for the watched document.
        this.watch([uri]);
        this.feed.follow(uri);
    }

    private watch(uris: string[]): void {
        const params: PreviewWatchParams = { uris };
        // While the client stops or restarts the notification cannot be sent; the
        // restart sends it again.
        this.client.sendNotification(PREVIEW_WATCH_NOTIFICATION, params).catch(() => undefined);
    }

    private post(message: ToPreview): void {
        void this.panel?.webview.postMessage(message);
    }

    private async onMessage(message: FromPreview): Promise<void> {
        switch (message.type) {
            case 'ready':
                this.feed.pageReady();
                break;
            case 'reveal':
                await this.reveal(message.uri, message.id);
                break;
            case 'export':
                await this.save(message.format, message.data);
                break;
        }
    }

    /** Selects the moment's id in the editor showing the file (opening one if none does). */
    private async reveal(uri: string, id: string): Promise<void> {
        const moment = this.feed.latest(uri)?.cycles.flatMap(c => c.moments).find(m => m.id === id);
        if (!moment) return;
        const target = vscode.Uri.parse(uri);
        const visible = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri);
        const range = new vscode.Range(moment.idRange.start.line, moment.idRange.start.character, moment.idRange.end.line, moment.idRange.end.character);
        const editor = await vscode.window.showTextDocument(target, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: range, preserveFocus: false });
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    private onSelection(event: vscode.TextEditorSelectionChangeEvent): void {
        const uri = event.textEditor.document.uri.toString();
        if (!this.panel || uri !== this.feed.uri || event.textEditor.document.languageId !== 'cycle') return;
        const line = event.selections[0]?.active.line;
        const moment = this.feed.latest(uri)?.cycles.flatMap(c => c.moments).find(m => line !== undefined && m.range.start.line <= line && line <= m.range.end.line);
        this.post({ type: 'highlight', id: moment?.id ?? null });
    }

    private async save(format: 'svg' | 'png', data: string): Promise<void> {
        const source = this.feed.uri ? vscode.Uri.parse(this.feed.uri) : undefined;
        const suggested = source ? source.with({ path: source.path.replace(/\.cycle$/, `.${format}`) }) : undefined;
        const target = await vscode.window.showSaveDialog({
            defaultUri: suggested,
            filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
            saveLabel: `Export ${format.toUpperCase()}`
        });
        if (!target) return;
        // No Buffer: this runs in VS Code for the Web's worker as well as on Node.
        const bytes = format === 'svg' ? new TextEncoder().encode(data) : bytesOfBase64(data);
        await vscode.workspace.fs.writeFile(target, bytes);
        void vscode.window.showInformationMessage(`Saved the diagram to ${vscode.workspace.asRelativePath(target)}.`);
    }

    dispose(): void {
        this.subscriptions.forEach(s => s.dispose());
        this.panel?.dispose();
    }
}

/** The bytes a base64 string encodes (the PNG the page drew). */
function bytesOfBase64(data: string): Uint8Array {
    const binary = atob(data);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    return bytes;
}
