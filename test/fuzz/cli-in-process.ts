/**
 * The `cycle` command run inside the harness's own process: the same program
 * (src/cli/main.ts's buildProgram) with standard output and error captured, and
 * what `main` does with errors. Hundreds of times faster than a process per run, so
 * the output properties can try many inputs; the CLI-argument property runs the real
 * built command instead (bin/cycle.cjs), where crashes and hangs show as they would.
 */
import { CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { CliError, EXIT_USAGE } from '../../src/cli/cli-error.js';
import { NO_COLORS } from '../../src/cli/formats/pretty-format.js';
import { buildProgram } from '../../src/cli/main.js';

export interface InProcessResult {
    status: number;
    stdout: string;
    stderr: string;
    /** An error no command should let escape (main prints it as an "internal error"). */
    internalError: Error | null;
}

export async function cycle(args: string[]): Promise<InProcessResult> {
    let stdout = '';
    let stderr = '';
    let status = 0;
    const io = { out: (text: string) => { stdout += text; }, err: (text: string) => { stderr += text; }, colors: NO_COLORS, version: packageJson.version };
    const program = buildProgram(io, code => { status = code; });
    try {
        await program.parseAsync(args, { from: 'user' });
        return { status, stdout, stderr, internalError: null };
    } catch (error) {
        if (error instanceof CommanderError) return { status: error.exitCode === 0 ? 0 : EXIT_USAGE, stdout, stderr, internalError: null };
        if (error instanceof CliError) return { status: error.exitCode, stdout, stderr: stderr + `cycle: ${error.message}\n`, internalError: null };
        return { status: EXIT_USAGE, stdout, stderr, internalError: error as Error };
    }
}

/** The problem of a run that let an internal error escape, if it did. */
export function internalErrorProblem(result: InProcessResult, what: string): string[] {
    if (!result.internalError) return [];
    const stack = (result.internalError.stack ?? '').split('\n').slice(0, 4).join(' | ');
    return [`${what} failed with an internal error: ${stack}`];
}
