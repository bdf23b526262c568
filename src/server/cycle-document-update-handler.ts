import { URI, type FileSystemProvider, type LangiumDocument, type LangiumDocuments } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices, type TextDocuments } from 'langium/lsp';
import { FileChangeType, type DidChangeWatchedFilesParams, type FileSystemWatcher, type TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../language/config/rule-config.js';
import type { RuleConfigProvider } from '../language/config/rule-config-provider.js';
import type { Document } from '../language/generated/ast.js';
import type { ResultsFiles } from '../language/results/results-files.js';
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
 * - when a survey results file (`*.csv`) changes, is created or deleted, the documents
 *   whose `results` lines point at it, with what it now holds.
 * It watches `*.cycle`, `*.csv` and config files only, not the whole workspace.
 */
export class CycleDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly textDocuments: TextDocuments<TextDocument>;
    private readonly fileSystem: FileSystemProvider;
    private readonly langiumDocuments: LangiumDocuments;

    /** The config provider lives in the language's services, created after the shared ones. */
    constructor(
        services: LangiumSharedServices,
        private readonly builder: CycleDocumentBuilder,
        private readonly configs: () => RuleConfigProvider | undefined,
        private readonly results: () => ResultsFiles | undefined = () => undefined
    ) {
        super(services);
        this.textDocuments = services.workspace.TextDocuments;
        this.fileSystem = services.workspace.FileSystemProvider;
        this.langiumDocuments = services.workspace.LangiumDocuments;
    }

    protected override getWatchers(): FileSystemWatcher[] {
        return [{ globPattern: '**/*.cycle' }, { globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*.csv' }];
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
        const csvChanges = params.changes.map(change => parseUri(change.uri)).filter((uri): uri is URI => uri?.path.toLowerCase().endsWith('.csv') === true);
        if (csvChanges.length > 0) this.resultsFilesChanged(csvChanges);
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

    /**
     * Results files changed on disk: what was read of them is forgotten, and the
     * documents whose `results` lines point at them are checked again (their figures,
     * problems and findings come from the files).
     */
    private resultsFilesChanged(uris: readonly URI[]): void {
        const results = this.results();
        if (!results) return;
        for (const uri of uris) results.forget(uri);
        const affected = this.langiumDocuments.all
            .filter(document => uris.some(uri => results.pointsAt(document as LangiumDocument<Document>, uri)))
            .map(document => document.uri)
            .toArray();
        if (affected.length === 0) return;
        for (const uri of affected) this.builder.expectUpdate(uri);
        const refresh = isRefreshable(this.fileSystem) ? this.fileSystem.refresh(uris).catch(() => undefined) : Promise.resolve();
        void refresh.then(() => this.fireDocumentUpdate(affected, []));
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
