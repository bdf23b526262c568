import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { formatCycle } from '../format/format-cycle.js';
import { createCycleCoreServices } from '../language/cycle-module.js';
import { hasSyntaxErrors } from '../language/syntax-errors.js';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import type { CommandIo } from './check-command.js';
import { expandPaths, isSourceProblem, readSource } from './read-sources.js';
import { writeFileAtomically } from './write-output.js';

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
        const hadBom = readFileSync(file).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
        const original = (hadBom ? '\uFEFF' : '') + read.text;
        const formatted = formatCycle(original, lexer.tokenize(original));
        if (formatted === original) continue;
        unformatted++;
        if (options.check) {
            io.out(`${read.displayPath}\n`);
        } else {
            writeFileAtomically(file, formatted);
            io.out(`formatted ${read.displayPath}\n`);
        }
    }
    if (options.check && unformatted > 0) io.err(`cycle: ${unformatted} ${unformatted === 1 ? 'file is' : 'files are'} not in canonical form; \`cycle fmt\` rewrites ${unformatted === 1 ? 'it' : 'them'}.\n`);
    if (problems.length > 0) return EXIT_USAGE;
    if (broken > 0 || (options.check && unformatted > 0)) return EXIT_FINDINGS;
    return EXIT_OK;
}
