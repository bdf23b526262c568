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

const PLAIN_REASONS: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EISDIR: 'it is a folder, not a file',
    ELOOP: 'a loop of symbolic links',
    ENAMETOOLONG: 'the name is too long',
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is a file, not a folder',
    ENXIO: 'nothing is listening at the other end',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
    EXDEV: 'cannot move the temporary file across file systems'
};

/** An error from the file system in plain words (the code only when there are none). */
export function plainReason(error: unknown): string {
    const code = (error as NodeJS.ErrnoException)?.code;
    return (code && PLAIN_REASONS[code]) ?? code ?? (error as Error)?.message ?? String(error);
}
