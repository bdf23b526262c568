import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { CycleCoreModule, type CycleAddedServices } from './cycle-module.js';
import { CycleGeneratedSharedModule, CycleLanguageGeneratedModule } from './generated/module.js';
import { CycleCodeActionProvider } from './lsp/cycle-code-actions.js';
import { reportConfigProblems } from './lsp/config-problems.js';
import { CycleCodeLensProvider } from './lsp/cycle-code-lens.js';
import { CycleCompletionProvider } from './lsp/cycle-completion.js';
import { CycleDocumentHighlightProvider } from './lsp/cycle-document-highlight.js';
import { CycleDocumentBuilder } from './lsp/cycle-document-builder.js';
import { CycleDocumentSymbolProvider } from './lsp/cycle-document-symbols.js';
import { CycleDocumentUpdateHandler } from './lsp/cycle-document-update-handler.js';
import { CycleFoldingRangeProvider } from './lsp/cycle-folding.js';
import { CycleFormatter } from './lsp/cycle-formatter.js';
import { CycleHoverProvider } from './lsp/cycle-hover.js';
import { CycleInlayHintProvider } from './lsp/cycle-inlay-hints.js';
import { CycleRenameProvider } from './lsp/cycle-rename.js';
import { CycleSemanticTokenProvider } from './lsp/cycle-semantic-tokens.js';
import { CycleWorkspaceSymbolProvider } from './lsp/cycle-workspace-symbols.js';
import { OneLanguageServiceRegistry } from './single-language-registry.js';
import { registerValidationChecks } from './validation/index.js';

export type CycleServices = LangiumServices & CycleAddedServices;

/** The editor features, one provider per file under lsp/. */
export const CycleLspModule: Module<CycleServices, PartialLangiumServices & CycleAddedServices> = {
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
            services.shared.workspace.LangiumDocuments, services.workspace.AstNodeLocator),
        InlayHintProvider: services => new CycleInlayHintProvider(services.model.CycleModels),
        RenameProvider: services => new CycleRenameProvider(services),
        SemanticTokenProvider: services => new CycleSemanticTokenProvider(services)
    }
};

export const CycleSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        DocumentUpdateHandler: services => new CycleDocumentUpdateHandler(services),
        WorkspaceSymbolProvider: services => new CycleWorkspaceSymbolProvider(services.workspace.LangiumDocuments,
            () => (services.ServiceRegistry.all[0] as CycleServices).model.CycleModels)
    },
    workspace: {
        DocumentBuilder: services => new CycleDocumentBuilder(services)
    },
    ServiceRegistry: services => new OneLanguageServiceRegistry(services)
};

/** The language with its editor features, for the language server. */
export function createCycleServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Cycle: CycleServices } {
    const shared = inject(createDefaultSharedModule(context), CycleGeneratedSharedModule, CycleSharedLspModule);
    const Cycle = inject(createDefaultModule({ shared }), CycleLanguageGeneratedModule, CycleLspModule);
    shared.ServiceRegistry.register(Cycle);
    registerValidationChecks(Cycle);
    (shared.lsp.DocumentUpdateHandler as CycleDocumentUpdateHandler).useConfigs(() => Cycle.config.RuleConfigProvider);
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
