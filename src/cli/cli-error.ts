/** Exit statuses of every `cycle` command, as the spec defines them. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** An error the user can act on: printed as one line to standard error, no stack trace. */
export class CliError extends Error {
    constructor(message: string, readonly exitCode: number = EXIT_USAGE) {
        super(message);
    }
}
