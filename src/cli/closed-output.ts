/**
 * A reader that stops early (`cycle export big.cycle --to json | head`) closes the
 * pipe, and what is left to write has nowhere to go. That is the reader's choice, not
 * a failure: the rest of the output is dropped quietly and the command ends with the
 * status it would have had (so `set -o pipefail` still sees findings), instead of
 * dying on Node's unhandled EPIPE with a stack trace.
 */
export function dropOutputAfterClosedPipe(stream: NodeJS.WriteStream): void {
    stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') return;
        throw error;
    });
}
