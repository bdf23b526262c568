import type { LangiumCoreServices, Module, PartialLangiumCoreServices } from 'langium';
import { RuleConfigProvider } from './config/rule-config-provider.js';
import { CycleLexer } from './parser/cycle-lexer.js';
import { createCycleParser } from './parser/cycle-parser.js';
import { CycleParserErrorMessageProvider } from './parser/cycle-parser-messages.js';
import { CycleTokenBuilder } from './parser/cycle-token-builder.js';
import { CycleValueConverter } from './parser/cycle-value-converter.js';
import { CycleLinker } from './references/cycle-linker.js';
import { CycleAstNodeDescriptionProvider } from './references/cycle-node-descriptions.js';
import { CycleReferences } from './references/cycle-references.js';
import { CycleReferenceDescriptionProvider } from './references/cycle-reference-descriptions.js';
import { ResultsFiles } from './results/results-files.js';
import { CycleScopeComputation } from './scoping/cycle-scope-computation.js';
import { CycleScopeProvider } from './scoping/cycle-scope-provider.js';
import { CycleDocumentValidator } from './validation/cycle-document-validator.js';
import { CycleCheckTable } from './validation/index.js';

/** Services the cycle language adds to Langium's: rule configuration and the table of checks. */
export interface CycleLanguageAddedServices {
    config: {
        RuleConfigProvider: RuleConfigProvider;
    };
    validation: {
        CycleChecks: CycleCheckTable;
    };
    results: {
        /** The survey results files read so far, by URI, and their figures. */
        ResultsFiles: ResultsFiles;
    };
}

export type CycleLanguageServices = LangiumCoreServices & CycleLanguageAddedServices;

/** Parsing, scoping and validation: the language itself, before any model is built. */
export const CycleLanguageModule: Module<CycleLanguageServices, PartialLangiumCoreServices & CycleLanguageAddedServices> = {
    parser: {
        Lexer: services => new CycleLexer(services),
        TokenBuilder: () => new CycleTokenBuilder(),
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
        AstNodeDescriptionProvider: services => new CycleAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: services => new CycleReferenceDescriptionProvider(services)
    },
    validation: {
        DocumentValidator: services => new CycleDocumentValidator(services),
        CycleChecks: () => new CycleCheckTable()
    },
    config: {
        RuleConfigProvider: services => new RuleConfigProvider(services.shared.workspace.FileSystemProvider)
    },
    results: {
        ResultsFiles: services => new ResultsFiles(services.shared.workspace.FileSystemProvider)
    }
};
