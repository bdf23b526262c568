import { hasSyntaxErrors } from '../language/syntax-errors.js';
import type { FileModel } from '../model/cycle-model.js';
import type { CycleCoreServices } from '../model/services.js';
import { CliError, EXIT_FINDINGS, EXIT_USAGE } from './cli-error.js';
import { refuseWritingOverResults } from './results-inputs.js';
import { loadWorkspace, type CheckedFile } from './load-workspace.js';
import { requireOneFile } from './one-file.js';

/** One file read for drawing or exporting: the path to show the user, and its model. */
interface LoadedFile {
    /** As the user gave it, relative to the working folder when inside it. */
    readonly displayPath: string;
    /** Built from the parsed file; its `uri` is the file's `file://` URI, from any working folder. */
    readonly model: FileModel;
    /** The file as analysed, with its diagnostics when it was loaded with `validate`. */
    readonly checked: CheckedFile;
    /** The services it was analysed with: what reads its survey results files. */
    readonly services: CycleCoreServices;
}

/**
 * Reads one file for `render`, `export` or `report` (parsed and linked; rules run only with
 * `validate`, for the report's findings), or
 * explains why not: a folder, an unreadable file, syntax errors (with the line of the
 * first one). `verb` completes "cannot … FILE". With `output` (the `-o` the command
 * will write), refuses when it is one of the answers files the file's surveys list.
 */
export async function loadOneFile(file: string, usage: string, verb: string, options: { validate?: boolean; output?: string } = {}): Promise<LoadedFile> {
    requireOneFile(file, usage);
    const workspace = await loadWorkspace([file], { validate: options.validate ?? false });
    if (workspace.problems.length > 0) throw new CliError(workspace.problems.map(p => p.message).join('\n'), EXIT_USAGE);
    const loaded = workspace.files[0];
    if (!loaded) throw new CliError(`${file}: nothing to ${verb}.`, EXIT_USAGE);
    const displayPath = loaded.source.displayPath;
    if (hasSyntaxErrors(loaded.document)) {
        const first = [...loaded.document.parseResult.lexerErrors, ...loaded.document.parseResult.parserErrors][0] as { line?: number; token?: { startLine?: number } } | undefined;
        const line = first?.line ?? first?.token?.startLine;
        throw new CliError(`cannot ${verb} ${displayPath}: it has syntax errors${line ? ` (the first on line ${line})` : ''}; run \`cycle check ${displayPath}\`.`, EXIT_FINDINGS);
    }
    refuseWritingOverResults(options.output, loaded.model, file);
    return { displayPath, model: loaded.model, checked: loaded, services: workspace.services };
}
