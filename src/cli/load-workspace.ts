import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Document } from '../language/generated/ast.js';
import { analyse } from '../model/analyse.js';
import type { FileModel } from '../model/cycle-model.js';
import type { CycleCoreServices } from '../model/services.js';
import { expandPaths, isSourceProblem, readSource, type SourceFile, type SourceProblem } from './read-sources.js';

/** One checked file: its source, its parsed document and its diagnostics. */
export interface CheckedFile {
    readonly source: SourceFile;
    readonly document: LangiumDocument<Document>;
    /** Its cycle model; `uri` is the file's `file://` URI, whoever asks and from wherever. */
    readonly model: FileModel;
    readonly diagnostics: readonly Diagnostic[];
}

interface Workspace {
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
    const { files: found, problems } = expandPaths(paths);
    const sources: SourceFile[] = [];
    for (const file of found) {
        const read = readSource(file);
        if (isSourceProblem(read)) problems.push(read);
        else sources.push(read);
    }
    const analysis = await analyse(sources.map(source => ({ uri: URI.file(source.absolutePath), text: source.text })), {
        fileSystem: NodeFileSystem,
        validate: options.validate
    });
    const files = analysis.texts.map((analysed, i) => ({ source: sources[i], document: analysed.document, model: analysed.model, diagnostics: analysed.diagnostics }));
    return { files, problems, configProblems: analysis.configProblems, services: analysis.services };
}
