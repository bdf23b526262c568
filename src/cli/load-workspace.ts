import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { analyse, type AnalysedText } from '../model/analyse.js';
import type { CycleCoreServices } from '../model/services.js';
import { expandPaths, isSourceProblem, readSource, type SourceFile, type SourceProblem } from './read-sources.js';

/** One checked file: what analyse() says of it, and the source it was read from. */
export interface CheckedFile extends AnalysedText {
    readonly source: SourceFile;
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
    // Not a spread: it would read `model`, which only render and export need.
    const files = analysis.texts.map((analysed, i): CheckedFile => ({
        source: sources[i],
        uri: analysed.uri,
        document: analysed.document,
        get model() { return analysed.model; },
        diagnostics: analysed.diagnostics
    }));
    return { files, problems, configProblems: analysis.configProblems, services: analysis.services };
}
