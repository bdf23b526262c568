import { closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError, EXIT_USAGE, plainReason } from './cli-error.js';

/**
 * Writes exactly the file the user named, atomically: a temporary file beside it,
 * then a rename, so a reader never sees half a file and a failure leaves the old
 * one intact. Never creates folders: a missing folder is the user's to create.
 * A symbolic link is written through (the file it points to changes, the link stays),
 * and an existing file keeps its permissions.
 */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
    let target = resolve(path);
    let mode: number | undefined;
    try {
        target = realpathSync(target);
        mode = statSync(target).mode & 0o7777;
    } catch {
        // a new file (or a dangling link): written where it was named, with the default mode
    }
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
        const fd = openSync(temporary, 'w', mode ?? 0o666);
        try {
            if (mode !== undefined) fchmodSync(fd, mode); // the umask does not narrow it
            writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
            fsyncSync(fd);
        } finally {
            closeSync(fd);
        }
        renameSync(temporary, target);
    } catch (error) {
        rmSync(temporary, { force: true });
        if (error instanceof CliError) throw error;
        throw new CliError(`cannot write ${path}: ${plainReason(error)}.`, EXIT_USAGE);
    }
}
