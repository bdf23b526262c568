import { URI, type FileSystemProvider } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices, type TextDocuments } from 'langium/lsp';
import { FileChangeType, type DidChangeWatchedFilesParams, type FileSystemWatcher, type TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../language/config/rule-config.js';
import type { RuleConfigProvider } from '../language/config/rule-config-provider.js';
import { isRefreshable } from './client-file-system.js';
import { staysWhenClosed } from './closed-documents.js';
import type { CycleDocumentBuilder } from './cycle-document-builder.js';
import { parseUri } from './request-params.js';

/**
 * When the server re-checks what:
 * - while typing, the edited document with the fast rules (Langium's default);
 * - on open and on save, every document with every rule, since the slow rules
 *   (top-level roles shared by files) can change what another file reports;
 * - when a `cycle.config.json` changes, every document, with the new severities;
 * - on close, every document, without the closed one unless it is a workspace file
 *   (then as it is on disk): the server holds open documents and the workspace's
 *   `.cycle` files, nothing else.
 * It watches `*.cycle` files and config files only, not the whole workspace.
 */
export class CycleDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly textDocuments: TextDocuments<TextDocument>;
    private readonly fileSystem: FileSystemProvider;

    /** The config provider lives in the language's services, created after the shared ones. */
    constructor(
        services: LangiumSharedServices,
        private readonly builder: CycleDocumentBuilder,
        private readonly configs: () => RuleConfigProvider | undefined
    ) {
        super(services);
        this.textDocuments = services.workspace.TextDocuments;
        this.fileSystem = services.workspace.FileSystemProvider;
    }

    protected override getWatchers(): FileSystemWatcher[] {
        return [{ globPattern: '**/*.cycle' }, { globPattern: `**/${CONFIG_FILE_NAME}` }];
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const configChanged = params.changes.some(change => parseUri(change.uri)?.path.endsWith('/' + CONFIG_FILE_NAME));
        // A file deleted while open stays as the editor shows it, until it is closed.
        const cycleChanges = params.changes.filter(change => parseUri(change.uri)?.path.endsWith('.cycle')
            && !(change.type === FileChangeType.Deleted && this.textDocuments.get(change.uri)));
        if (cycleChanges.length > 0) {
            for (const change of cycleChanges) this.builder.expectUpdate(URI.parse(change.uri));
            super.didChangeWatchedFiles({ changes: cycleChanges });
        }
        if (!configChanged) return;
        if (isRefreshable(this.fileSystem)) {
            // A browser worker reads configs from copies: fetch the changed ones first.
            const configs = params.changes.map(change => parseUri(change.uri)).filter((uri): uri is URI => uri?.path.endsWith('/' + CONFIG_FILE_NAME) === true);
            void this.fileSystem.refresh(configs).catch(() => undefined).then(() => this.reloadConfigs());
        } else {
            this.reloadConfigs();
        }
    }

    /** Opened or edited: requests from now on are about the new text (see CycleDocumentBuilder.expectUpdate). */
    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        this.builder.expectUpdate(URI.parse(change.document.uri));
        super.didChangeContent(change);
    }

    didOpenDocument(_event: TextDocumentChangeEvent<TextDocument>): void {
        this.validateFully();
    }

    didSaveDocument(_event: TextDocumentChangeEvent<TextDocument>): void {
        this.validateFully();
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        // From now on, requests are about the text on disk, or about nothing.
        this.builder.expectUpdate(uri);
        this.workspaceManager.ready.then(() => this.workspaceLock.write(async token => {
            // Opened again meanwhile: it stays, and its own update follows.
            if (this.textDocuments.get(uri.toString())) return;
            const stays = await staysWhenClosed(uri, this.workspaceManager.workspaceFolders, this.fileSystem);
            // Its roles may have made (or hidden) findings in the other files.
            this.builder.requestFullValidation();
            // A deleted document gets an empty list of diagnostics (Langium publishes it).
            await this.documentBuilder.update(stays ? [uri] : [], stays ? [] : [uri], token);
        })).catch(error => {
            this.builder.updateAbandoned(uri);
            console.error('cycle language server: could not drop a closed document', error);
        });
    }

    private validateFully(): void {
        this.builder.requestFullValidation();
        this.fireDocumentUpdate([], []);
    }

    private reloadConfigs(): void {
        this.configs()?.clear();
        this.validateFully();
    }
}
