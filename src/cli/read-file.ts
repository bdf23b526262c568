import * as fs from 'node:fs';
import { plainReason } from './cli-error.js';
import { nonFileKind } from './file-kind.js';

/** Why a file's bytes could not be read. */
export type ReadFailure =
    | { readonly kind: 'missing' }
    | { readonly kind: 'loop' }
    | { readonly kind: 'folder' }
    /** A FIFO, a device, a socket: `what` says which, in plain words. */
    | { readonly kind: 'special'; readonly what: string }
    | { readonly kind: 'too-large'; readonly size: number }
    | { readonly kind: 'unreadable'; readonly reason: string };

// Windows has no O_NONBLOCK; it has no FIFOs to block on either.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Reads a regular file of at most `maxBytes`, and nothing else. The path is checked
 * with stat before it is opened (opening a FIFO would wait for a writer, reading a
 * device may never end), opened without blocking, and checked again on the open
 * descriptor, so a file swapped for a FIFO in between is refused too. At most
 * `maxBytes + 1` bytes are ever read, whatever the file claims its size is.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer | ReadFailure {
    let fd: number;
    try {
        const failure = refusal(fs.statSync(path), maxBytes);
        if (failure) return failure;
        fd = fs.openSync(path, OPEN_FLAGS);
    } catch (error) {
        return failureOf(error);
    }
    try {
        const failure = refusal(fs.fstatSync(fd), maxBytes);
        if (failure) return failure;
        const chunks: Buffer[] = [];
        let total = 0;
        for (;;) {
            const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes + 1 - total));
            const count = fs.readSync(fd, chunk, 0, chunk.length, null);
            if (count === 0) break;
            chunks.push(chunk.subarray(0, count));
            total += count;
            // The file grew past the limit while it was read (or claimed a smaller size).
            if (total > maxBytes) return { kind: 'too-large', size: total };
        }
        return Buffer.concat(chunks, total);
    } catch (error) {
        return failureOf(error);
    } finally {
        fs.closeSync(fd);
    }
}

function refusal(stats: fs.Stats, maxBytes: number): ReadFailure | undefined {
    if (stats.isDirectory()) return { kind: 'folder' };
    const what = nonFileKind(stats);
    if (what) return { kind: 'special', what };
    if (stats.size > maxBytes) return { kind: 'too-large', size: stats.size };
    return undefined;
}

export function failureOf(error: unknown): ReadFailure {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    if (code === 'ELOOP') return { kind: 'loop' };
    if (code === 'EISDIR') return { kind: 'folder' };
    return { kind: 'unreadable', reason: plainReason(error) };
}

export function isReadFailure(value: Buffer | ReadFailure): value is ReadFailure {
    return !Buffer.isBuffer(value);
}
