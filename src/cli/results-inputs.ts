import { dirname, resolve } from 'node:path';
import { terminalText as safe } from '../domain/neutralise/terminal.js';
import type { FileModel } from '../model/cycle-model.js';
import { CliError, EXIT_USAGE } from './cli-error.js';
import { sameFile } from './output-target.js';

/** The answers files a .cycle file's surveys list (`results` lines), as paths from the working folder. */
export function resultsFilesOf(model: FileModel, cycleFile: string): string[] {
    const folder = dirname(resolve(cycleFile));
    return model.cycles.flatMap(cycle => cycle.surveys.flatMap(survey => survey.results.map(line => resolve(folder, line.path))));
}

/**
 * A survey's answers files are inputs of the cycle as much as the file itself: a form,
 * a picture or a report written over one would lose the answers, which no one can
 * type in again. `output` is the `-o` the command will write (undefined or `-` for
 * standard output); `outputTarget` has already refused the .cycle file itself.
 */
export function refuseWritingOverResults(output: string | undefined, model: FileModel, cycleFile: string): void {
    if (output === undefined || output === '' || output === '-') return;
    const answers = resultsFilesOf(model, cycleFile).find(file => sameFile(file, output));
    if (answers !== undefined) {
        throw new CliError(`cannot write ${safe(output)}: it is a survey results file that ${safe(cycleFile)} lists, whose answers would be lost; name another file for -o.`, EXIT_USAGE);
    }
}
