import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError, EXIT_USAGE } from './cli-error.js';

/**
 * Writes exactly the file the user named, atomically: a temporary file beside it,
 * then a rename, so a reader never sees half a file and a failure leaves the old
 * one intact. Never creates folders: a missing folder is the user's to create.
 */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
    const target = resolve(path);
    const folder = dirname(target);
    let isFolder = false;
    try {
        isFolder = statSync(folder).isDirectory();
    } catch {
        // reported below
    }
    if (!isFolder) throw new CliError(`cannot write ${path}: the folder ${folder} does not exist.`, EXIT_USAGE);
    const temporary = join(folder, `.${basename(target)}.${process.pid}.tmp`);
    try {
        const fd = openSync(temporary, 'w');
        try {
            writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
            fsyncSync(fd);
        } finally {
            closeSync(fd);
        }
        renameSync(temporary, target);
    } catch (error) {
        rmSync(temporary, { force: true });
        if (error instanceof CliError) throw error;
        throw new CliError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, EXIT_USAGE);
    }
}
