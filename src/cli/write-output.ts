import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError, EXIT_USAGE, plainReason } from './cli-error.js';
import { nonFileKind } from './file-kind.js';

/**
 * Why `path` must not be written, or undefined when it may: only a new path or an
 * existing regular file the user can write qualifies. Replacing a FIFO, a device or
 * a socket with a regular file would break whatever uses it (as root, `/dev/null`
 * itself), and a read-only file was marked so that it would not change. Root may
 * write anything, so the write bits are checked as well as the permission.
 */
export function unwritableReason(path: string): { readonly message: string; readonly readOnly: boolean } | undefined {
    let stats: Stats;
    try {
        stats = statSync(path);
    } catch {
        return undefined; // a new file (or a dangling link): nothing there to lose
    }
    const what = nonFileKind(stats);
    if (what) return { message: `cannot write ${path}: it is ${what}, not a regular file.`, readOnly: false };
    let writable = (stats.mode & 0o222) !== 0;
    try {
        accessSync(path, constants.W_OK);
    } catch {
        writable = false;
    }
    return writable ? undefined : { message: `${path} is read-only, not rewritten; make it writable (chmod u+w) if it should change.`, readOnly: true };
}

/**
 * Writes exactly the file the user named, atomically: a temporary file beside it,
 * then a rename, so a reader never sees half a file and a failure leaves the old
 * one intact. Never creates folders: a missing folder is the user's to create.
 * A symbolic link is written through (the file it points to changes, the link stays),
 * and an existing file keeps its permissions. Refuses what `unwritableReason` refuses.
 */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
    const refused = unwritableReason(path);
    if (refused) throw new CliError(refused.message, EXIT_USAGE);
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
    // A name no one else uses, created exclusively: never a file or a link already there.
    const temporary = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    let created = false;
    try {
        const fd = openSync(temporary, 'wx', mode ?? 0o666);
        created = true;
        try {
            if (mode !== undefined) fchmodSync(fd, mode); // the umask does not narrow it
            const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
            for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
            fsyncSync(fd);
        } finally {
            closeSync(fd);
        }
        renameSync(temporary, target);
    } catch (error) {
        if (created) rmSync(temporary, { force: true });
        throw new CliError(`cannot write ${path}: ${plainReason(error)}.`, EXIT_USAGE);
    }
}
