import type { Stats } from 'node:fs';

/**
 * What a path that is not a regular file is, in plain words ("a FIFO (named pipe)"),
 * or undefined for a regular file. Reading a FIFO blocks, a device can be endless
 * (/dev/zero) and writing over either replaces it: both sides of the CLI refuse them.
 */
export function nonFileKind(stats: Stats): string | undefined {
    if (stats.isFile()) return undefined;
    if (stats.isDirectory()) return 'a folder';
    if (stats.isFIFO()) return 'a FIFO (named pipe)';
    if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
    if (stats.isSocket()) return 'a socket';
    return 'a special file';
}
