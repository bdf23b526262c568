import {
    createDefaultCoreModule, createDefaultSharedCoreModule, inject,
    type DefaultSharedCoreModuleContext, type LangiumCoreServices, type LangiumSharedCoreServices,
    type Module, type PartialLangiumCoreServices
} from 'langium';
import '../node20-polyfill.cjs';
import { RuleConfigProvider } from './config/rule-config-provider.js';
import { CycleModelProvider } from './cycle-model-provider.js';
import { CycleGeneratedSharedModule, CycleLanguageGeneratedModule } from './generated/module.js';
import { CycleLexer } from './parser/cycle-lexer.js';
import { createCycleParser } from './parser/cycle-parser.js';
import { CycleParserErrorMessageProvider } from './parser/cycle-parser-messages.js';
import { CycleValueConverter } from './parser/cycle-value-converter.js';
import { CycleLinker } from './references/cycle-linker.js';
import { CycleReferences } from './references/cycle-references.js';
import { CycleReferenceDescriptionProvider } from './references/cycle-reference-descriptions.js';
import { CycleScopeComputation } from './scoping/cycle-scope-computation.js';
import { CycleScopeProvider } from './scoping/cycle-scope-provider.js';
import { SingleLanguageServiceRegistry } from './single-language-registry.js';
import { CycleDocumentValidator } from './validation/cycle-document-validator.js';
import { CycleCheckTable, registerValidationChecks } from './validation/index.js';

/** Services the cycle language adds to Langium's. */
export interface CycleAddedServices {
    config: {
        RuleConfigProvider: RuleConfigProvider;
    };
    model: {
        CycleModels: CycleModelProvider;
    };
    validation: {
        CycleChecks: CycleCheckTable;
    };
}

export type CycleCoreServices = LangiumCoreServices & CycleAddedServices;

/** Parsing, scoping and validation: everything the CLI and the server share. */
export const CycleCoreModule: Module<CycleCoreServices, PartialLangiumCoreServices & CycleAddedServices> = {
    parser: {
        Lexer: services => new CycleLexer(services),
        LangiumParser: services => createCycleParser(services),
        ParserErrorMessageProvider: () => new CycleParserErrorMessageProvider(),
        ValueConverter: () => new CycleValueConverter()
    },
    references: {
        ScopeComputation: services => new CycleScopeComputation(services),
        ScopeProvider: services => new CycleScopeProvider(services),
        Linker: services => new CycleLinker(services),
        References: services => new CycleReferences(services)
    },
    workspace: {
        ReferenceDescriptionProvider: services => new CycleReferenceDescriptionProvider(services)
    },
    validation: {
        DocumentValidator: services => new CycleDocumentValidator(services),
        CycleChecks: () => new CycleCheckTable()
    },
    config: {
        RuleConfigProvider: services => new RuleConfigProvider(services.shared.workspace.FileSystemProvider)
    },
    model: {
        CycleModels: () => new CycleModelProvider()
    }
};

/** The language without an editor: for the CLI and tests. */
export function createCycleCoreServices(context: DefaultSharedCoreModuleContext): {
    shared: LangiumSharedCoreServices;
    Cycle: CycleCoreServices;
} {
    const shared = inject(createDefaultSharedCoreModule(context), CycleGeneratedSharedModule, {
        ServiceRegistry: () => new SingleLanguageServiceRegistry()
    });
    const Cycle = inject(createDefaultCoreModule({ shared }), CycleLanguageGeneratedModule, CycleCoreModule);
    shared.ServiceRegistry.register(Cycle);
    registerValidationChecks(Cycle);
    return { shared, Cycle };
}
