import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createCycleCoreServices, type CycleCoreServices } from '../language/cycle-module.js';
import type { Document } from '../language/generated/ast.js';
import { expandPaths, isSourceProblem, readSource, type SourceFile, type SourceProblem } from './read-sources.js';

/** One checked file: its source, its parsed document and its diagnostics. */
export interface CheckedFile {
    readonly source: SourceFile;
    readonly document: LangiumDocument<Document>;
    readonly diagnostics: readonly Diagnostic[];
}

export interface Workspace {
    readonly files: readonly CheckedFile[];
    /** Paths that could not be read, each with its reason. */
    readonly problems: readonly SourceProblem[];
    /** Problems in the `cycle.config.json` files that were used. */
    readonly configProblems: readonly string[];
    readonly services: CycleCoreServices;
}

/**
 * Loads every file and folder given as one workspace, so that top-level roles
 * declared in one file resolve in all of them, and validates it with every rule.
 */
export async function loadWorkspace(paths: readonly string[], options: { validate?: boolean } = {}): Promise<Workspace> {
    const services = createCycleCoreServices(NodeFileSystem).Cycle;
    const { files: found, problems } = expandPaths(paths);
    const sources: SourceFile[] = [];
    for (const file of found) {
        const read = readSource(file);
        if (isSourceProblem(read)) problems.push(read);
        else sources.push(read);
    }
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = services.shared.workspace.LangiumDocuments;
    const loaded = sources.map(source => {
        const document = factory.fromString<Document>(source.text, URI.file(source.absolutePath));
        documents.addDocument(document);
        return { source, document };
    });
    await services.shared.workspace.DocumentBuilder.build(loaded.map(l => l.document), { validation: options.validate ?? true });
    const files = loaded.map(({ source, document }) => ({ source, document, diagnostics: document.diagnostics ?? [] }));
    const configProblems = services.config.RuleConfigProvider.loaded().flatMap(config => config.problems);
    return { files, problems, configProblems, services };
}
