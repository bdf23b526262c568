import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { CycleCoreModule, type CycleAddedServices } from '../model/services.js';
import { CycleGeneratedSharedModule, CycleLanguageGeneratedModule } from '../language/generated/module.js';
import { CycleCodeActionProvider } from './cycle-code-actions.js';
import { reportConfigProblems } from './config-problems.js';
import { CycleCodeLensProvider } from './cycle-code-lens.js';
import { CycleCompletionProvider } from './cycle-completion.js';
import { CycleDocumentHighlightProvider } from './cycle-document-highlight.js';
import { CycleDocumentBuilder } from './cycle-document-builder.js';
import { CycleDocumentSymbolProvider } from './cycle-document-symbols.js';
import { CycleDocumentUpdateHandler } from './cycle-document-update-handler.js';
import { CycleFoldingRangeProvider } from './cycle-folding.js';
import { CycleFormatter } from './cycle-formatter.js';
import { CycleHoverProvider } from './cycle-hover.js';
import { CycleInlayHintProvider } from './cycle-inlay-hints.js';
import { CycleRenameProvider } from './cycle-rename.js';
import { CycleSemanticTokenProvider } from './cycle-semantic-tokens.js';
import { CycleWorkspaceManager } from './cycle-workspace-manager.js';
import { CycleWorkspaceSymbolProvider } from './cycle-workspace-symbols.js';
import { OneLanguageServiceRegistry } from '../language/single-language-registry.js';
import { registerValidationChecks } from '../language/validation/index.js';

export type CycleServices = LangiumServices & CycleAddedServices;

/** The editor features, one provider per file under lsp/. */
const CycleLspModule: Module<CycleServices, PartialLangiumServices & CycleAddedServices> = {
    ...(CycleCoreModule as Module<CycleServices, PartialLangiumServices & CycleAddedServices>),
    lsp: {
        CodeActionProvider: services => new CycleCodeActionProvider(services.shared.workspace.IndexManager),
        CodeLensProvider: services => new CycleCodeLensProvider(services.model.CycleModels),
        CompletionProvider: services => new CycleCompletionProvider(services),
        DocumentHighlightProvider: services => new CycleDocumentHighlightProvider(services),
        DocumentSymbolProvider: services => new CycleDocumentSymbolProvider(services.model.CycleModels),
        FoldingRangeProvider: () => new CycleFoldingRangeProvider(),
        Formatter: services => new CycleFormatter(services.parser.Lexer, services.parser.LangiumParser),
        HoverProvider: services => new CycleHoverProvider(services.model.CycleModels, services.references.References,
            services.shared.workspace.LangiumDocuments, services.workspace.AstNodeLocator, services.results.ResultsFiles),
        InlayHintProvider: services => new CycleInlayHintProvider(services.model.CycleModels),
        RenameProvider: services => new CycleRenameProvider(services),
        SemanticTokenProvider: services => new CycleSemanticTokenProvider(services)
    }
};

/** The workspace services the server replaces, typed as what they are (no casts where they are used). */
export interface CycleSharedAddedServices {
    workspace: {
        DocumentBuilder: CycleDocumentBuilder;
    };
    lsp: {
        DocumentUpdateHandler: CycleDocumentUpdateHandler;
    };
}

export type CycleSharedServices = LangiumSharedServices & CycleSharedAddedServices;

/**
 * The shared services are created before the language's; what they need of it (its
 * models, its rule configs) they ask of `language` when first used.
 */
function cycleSharedLspModule(language: () => CycleServices): Module<CycleSharedServices, PartialLangiumSharedServices & CycleSharedAddedServices> {
    return {
        lsp: {
            DocumentUpdateHandler: services => new CycleDocumentUpdateHandler(services, services.workspace.DocumentBuilder, () => language().config.RuleConfigProvider,
                () => language().results.ResultsFiles),
            WorkspaceSymbolProvider: services => new CycleWorkspaceSymbolProvider(services.workspace.LangiumDocuments,
                () => language().model.CycleModels)
        },
        workspace: {
            DocumentBuilder: services => new CycleDocumentBuilder(services),
            WorkspaceManager: services => new CycleWorkspaceManager(services)
        },
        ServiceRegistry: services => new OneLanguageServiceRegistry(services)
    };
}

/** The language with its editor features, for the language server. */
export function createCycleServices(context: DefaultSharedModuleContext): { shared: CycleSharedServices; Cycle: CycleServices } {
    let language: CycleServices | undefined;
    const languageServices = (): CycleServices => {
        if (!language) throw new Error('cycle language server: the language services are not created yet');
        return language;
    };
    const shared = inject(createDefaultSharedModule(context), CycleGeneratedSharedModule, cycleSharedLspModule(languageServices));
    const Cycle = inject(createDefaultModule({ shared }), CycleLanguageGeneratedModule, CycleLspModule);
    language = Cycle;
    shared.ServiceRegistry.register(Cycle);
    registerValidationChecks(Cycle);
    const connection = context.connection;
    if (connection) {
        reportConfigProblems(shared, () => Cycle.config.RuleConfigProvider, {
            // A notification, not showWarningMessage's request: nothing to wait for or answer.
            show: message => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
            log: message => connection.console.warn(message)
        });
    }
    return { shared, Cycle };
}
