import { EmptyFileSystem, URI } from 'langium';
import { formatCycle } from '../format/format-cycle.js';
import { createCycleCoreServices } from '../model/services.js';
import { hasSyntaxErrors } from '../language/syntax-errors.js';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import type { CommandIo } from './check-command.js';
import { expandPaths, isSourceProblem, readSource } from './read-sources.js';
import { unwritableReason, writeFileAtomically } from './write-output.js';

/**
 * `cycle fmt`: the editor's formatter on files. Rewrites each file that is not in
 * canonical form (atomically); never touches a file with syntax errors. With
 * --check it writes nothing, lists the files that would change and exits 1.
 */
export async function runFmt(paths: readonly string[], options: { check?: boolean }, io: CommandIo): Promise<number> {
    const { files, problems } = expandPaths(paths.length > 0 ? paths : ['.']);
    for (const problem of problems) io.err(`cycle: ${problem.message}\n`);
    if (files.length === 0) throw new CliError('nothing to format.', EXIT_USAGE);
    const services = createCycleCoreServices(EmptyFileSystem).Cycle;
    const lexer = services.parser.Lexer;
    let unformatted = 0;
    let broken = 0;
    let unwritten = 0;
    for (const file of files) {
        const read = readSource(file);
        if (isSourceProblem(read)) {
            io.err(`cycle: ${read.message}\n`);
            problems.push(read);
            continue;
        }
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(read.text, URI.file(file));
        if (hasSyntaxErrors(document)) {
            broken++;
            io.err(`cycle: ${read.displayPath} has syntax errors and was left as it is; run \`cycle check ${read.displayPath}\`.\n`);
            continue;
        }
        const original = (read.hadByteOrderMark ? '\uFEFF' : '') + read.text;
        const formatted = formatCycle(original, lexer.tokenize(original));
        if (formatted === original) continue;
        unformatted++;
        if (options.check) {
            io.out(`${read.displayPath}\n`);
            continue;
        }
        // A read-only file, or one that cannot be written, is reported and left as it
        // is (named as the user sees it); the other files are still formatted.
        const unwritable = writeFormatted(file, read.displayPath, formatted);
        if (unwritable) {
            unwritten++;
            io.err(`cycle: ${unwritable}\n`);
            continue;
        }
        io.out(`formatted ${read.displayPath}\n`);
    }
    if (options.check && unformatted > 0) io.err(`cycle: ${unformatted} ${unformatted === 1 ? 'file is' : 'files are'} not in canonical form; \`cycle fmt\` rewrites ${unformatted === 1 ? 'it' : 'them'}.\n`);
    if (problems.length > 0 || unwritten > 0) return EXIT_USAGE;
    if (broken > 0 || (options.check && unformatted > 0)) return EXIT_FINDINGS;
    return EXIT_OK;
}

/** Writes the formatted text, or says why it was not written. */
function writeFormatted(file: string, shown: string, formatted: string): string | undefined {
    if (unwritableReason(file)?.readOnly) return `${shown} is read-only, not rewritten; make it writable (chmod u+w) to format it.`;
    try {
        writeFileAtomically(file, formatted);
        return undefined;
    } catch (error) {
        if (error instanceof CliError) return error.message;
        throw error;
    }
}
