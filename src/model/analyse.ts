import { EmptyFileSystem, URI, type DefaultSharedCoreModuleContext, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Document } from '../language/generated/ast.js';
import type { FileModel } from './cycle-model.js';
import { createCycleCoreServices, type CycleCoreServices } from './services.js';

/** One text to analyse and where it lives (or lived): its URI decides which `cycle.config.json` applies. */
export interface TextSource {
    readonly uri: URI;
    readonly text: string;
}

/** One analysed text: its parsed document, its cycle model and what the rules found. */
export interface AnalysedText {
    readonly uri: URI;
    readonly document: LangiumDocument<Document>;
    readonly model: FileModel;
    readonly diagnostics: readonly Diagnostic[];
}

export interface Analysis {
    /** In the order the texts were given. */
    readonly texts: readonly AnalysedText[];
    /** Problems in the `cycle.config.json` files that were read. */
    readonly configProblems: readonly string[];
    readonly services: CycleCoreServices;
}

export interface AnalyseOptions {
    /**
     * Where `cycle.config.json` files are read from: the face decides (`NodeFileSystem`
     * in the CLI; nothing, by default, so the core never touches a disk).
     */
    readonly fileSystem?: DefaultSharedCoreModuleContext;
    /** Run the rules (default true); false only parses and links, as drawing needs. */
    readonly validate?: boolean;
}

/**
 * The one way texts become a checked workspace: parsed, linked and validated together,
 * so top-level roles declared in one text resolve in all of them. Used by the CLI, the
 * server (Compare with HEAD), the tests and a browser worker alike.
 */
export async function analyse(sources: readonly TextSource[], options: AnalyseOptions = {}): Promise<Analysis> {
    const services = createCycleCoreServices(options.fileSystem ?? EmptyFileSystem).Cycle;
    const workspace = services.shared.workspace;
    const documents = sources.map(source => {
        // A byte order mark is an encoding detail, not the first character of the file.
        const document = workspace.LangiumDocumentFactory.fromString<Document>(source.text.replace(/^\uFEFF/, ''), source.uri);
        workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await workspace.DocumentBuilder.build(documents, { validation: options.validate ?? true });
    const models = services.model.CycleModels;
    const texts = documents.map(document => ({
        uri: document.uri,
        document,
        // Built when first read (and cached per parse): `cycle check` never needs it.
        get model() { return models.modelOf(document); },
        diagnostics: document.diagnostics ?? []
    }));
    const configProblems = services.config.RuleConfigProvider.loaded().flatMap(config => config.problems);
    return { texts, configProblems, services };
}
