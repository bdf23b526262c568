import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import { collectFindings, countBySeverity } from './findings.js';
import { formatJson } from './formats/json-format.js';
import { formatPretty, type Colors } from './formats/pretty-format.js';
import { formatSarif } from './formats/sarif-format.js';
import { loadWorkspace } from './load-workspace.js';
import { resultsFileFindings } from './results-file-findings.js';

export type CheckFormat = 'pretty' | 'json' | 'sarif';

interface CheckOptions {
    format: CheckFormat;
    maxWarnings?: number;
}

export interface CommandIo {
    out(text: string): void;
    err(text: string): void;
    colors: Colors;
    version: string;
}

/**
 * `cycle check`: validates everything given as one workspace and prints the
 * findings. Exit 1 on any error (or more warnings than --max-warnings), 2 when an
 * input or a config file could not be used, 0 otherwise.
 */
export async function runCheck(paths: readonly string[], options: CheckOptions, io: CommandIo): Promise<number> {
    const workspace = await loadWorkspace(paths.length > 0 ? paths : ['.']);
    for (const problem of workspace.problems) io.err(`cycle: ${problem.message}\n`);
    for (const problem of workspace.configProblems) io.err(`cycle: ${problem}\n`);
    if (workspace.files.length === 0 && workspace.problems.length > 0) {
        throw new CliError('nothing to check.', EXIT_USAGE);
    }
    const findings = [...collectFindings(workspace.files), ...resultsFileFindings(workspace.files)];
    switch (options.format) {
        case 'json': io.out(formatJson(findings)); break;
        case 'sarif': io.out(formatSarif(findings, io.version)); break;
        default: io.out(formatPretty(findings, workspace.files.length, io.colors));
    }
    if (workspace.problems.length > 0 || workspace.configProblems.length > 0) {
        return EXIT_USAGE;
    }
    const counts = countBySeverity(findings);
    if (counts.error > 0) {
        return EXIT_FINDINGS;
    }
    if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
        io.err(`cycle: ${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}, more than --max-warnings ${options.maxWarnings} allows.\n`);
        return EXIT_FINDINGS;
    }
    return EXIT_OK;
}
