import { realpathSync, statSync } from 'node:fs';
import { CliError, EXIT_USAGE } from './cli-error.js';
import { unwritableReason } from './write-output.js';

/** Where a command's result goes: standard output, or a file (written atomically). */
type OutputTarget = { readonly kind: 'stdout' } | { readonly kind: 'file'; readonly path: string };

/**
 * Names that mean standard output. `-o /dev/stdout` is what people type to see the
 * result; writing it as a file would fail in a pipe (or replace a device), so it,
 * `/dev/fd/1` and the conventional `-` all go to standard output.
 */
const STANDARD_OUTPUT = new Set(['-', '/dev/stdout', '/dev/fd/1']);

/**
 * Decides where `-o` writes, before any work is done, and refuses what would destroy
 * something: one of the command's own inputs (the same file by real path or inode,
 * so a symbolic link, a hard link or `./a/../a.cycle` count), a FIFO, a device, a
 * socket, a folder, a read-only file, an empty path.
 */
export function outputTarget(output: string | undefined, inputs: readonly string[]): OutputTarget {
    if (output === undefined || STANDARD_OUTPUT.has(output)) return { kind: 'stdout' };
    if (output === '') throw new CliError('-o was given an empty path: name the file to write, or leave -o out (or use -o -) for standard output.', EXIT_USAGE);
    const refused = unwritableReason(output);
    if (refused) {
        const advice = refused.readOnly ? '' : ' Name a new or regular file, or leave -o out for standard output.';
        throw new CliError(refused.message + advice, EXIT_USAGE);
    }
    const input = inputs.find(file => sameFile(file, output));
    if (input !== undefined) {
        throw new CliError(`cannot write ${output}: it is the input file ${input}, which would be lost; name another file for -o.`, EXIT_USAGE);
    }
    return { kind: 'file', path: output };
}

/** Whether two paths lead to the same file (both must exist): by real path, or by inode (a hard link). */
export function sameFile(a: string, b: string): boolean {
    try {
        if (realpathSync(a) === realpathSync(b)) return true;
        const first = statSync(a);
        const second = statSync(b);
        // Some file systems report no inode numbers (0): then only the real path tells.
        return first.ino !== 0 && first.dev === second.dev && first.ino === second.ino;
    } catch {
        return false;
    }
}
