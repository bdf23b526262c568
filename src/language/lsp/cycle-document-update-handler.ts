import { URI } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { DidChangeWatchedFilesParams, FileSystemWatcher, TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../config/rule-config.js';
import type { RuleConfigProvider } from '../config/rule-config-provider.js';
import type { CycleDocumentBuilder } from './cycle-document-builder.js';

/**
 * When the server re-checks what:
 * - while typing, the edited document with the fast rules (Langium's default);
 * - on open and on save, every document with every rule, since the slow rules
 *   (top-level roles shared by files) can change what another file reports;
 * - when a `cycle.config.json` changes, every document, with the new severities.
 * It watches `*.cycle` files and config files only, not the whole workspace.
 */
export class CycleDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private configs: (() => RuleConfigProvider | undefined) = () => undefined;

    constructor(services: LangiumSharedServices) {
        super(services);
    }

    /** The config provider lives in the language's services, created after the shared ones. */
    useConfigs(configs: () => RuleConfigProvider | undefined): void {
        this.configs = configs;
    }

    protected override getWatchers(): FileSystemWatcher[] {
        return [{ globPattern: '**/*.cycle' }, { globPattern: `**/${CONFIG_FILE_NAME}` }];
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const configChanged = params.changes.some(change => URI.parse(change.uri).path.endsWith('/' + CONFIG_FILE_NAME));
        const cycleChanges = params.changes.filter(change => URI.parse(change.uri).path.endsWith('.cycle'));
        if (cycleChanges.length > 0) {
            super.didChangeWatchedFiles({ changes: cycleChanges });
        }
        if (configChanged) {
            this.configs()?.clear();
            this.revalidateAll();
        }
    }

    didOpenDocument(_event: TextDocumentChangeEvent<TextDocument>): void {
        this.validateFully();
    }

    didSaveDocument(_event: TextDocumentChangeEvent<TextDocument>): void {
        this.validateFully();
    }

    private validateFully(): void {
        (this.documentBuilder as CycleDocumentBuilder).requestFullValidation?.();
        this.fireDocumentUpdate([], []);
    }

    private revalidateAll(): void {
        this.validateFully();
    }
}
