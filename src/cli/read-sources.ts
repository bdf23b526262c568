import * as fs from 'node:fs';
import * as path from 'node:path';
import { plainReason } from './cli-error.js';

/** A `.cycle` file read from disk, ready to be parsed. */
export interface SourceFile {
    readonly absolutePath: string;
    /** The path as the user should see it: relative to the working folder when inside it. */
    readonly displayPath: string;
    readonly text: string;
}

/** A path that could not be used, with the reason in plain words. */
export interface SourceProblem {
    readonly path: string;
    readonly message: string;
}

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

export function displayPath(absolutePath: string, cwd = process.cwd()): string {
    const relative = path.relative(cwd, absolutePath);
    const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolutePath;
    return shown.split(path.sep).join('/');
}

/**
 * Expands the paths given on the command line: files as given, folders searched
 * recursively for `*.cycle` (skipping node_modules and version-control folders).
 * Each file appears once, in a stable order.
 */
export function expandPaths(paths: readonly string[], cwd = process.cwd()): { files: string[]; problems: SourceProblem[] } {
    const files: string[] = [];
    const problems: SourceProblem[] = [];
    const seen = new Set<string>();
    const add = (file: string): void => {
        if (!seen.has(file)) {
            seen.add(file);
            files.push(file);
        }
    };
    for (const given of paths) {
        const absolute = path.resolve(cwd, given);
        let stat: fs.Stats;
        try {
            stat = fs.statSync(absolute);
        } catch {
            problems.push({ path: given, message: `${given}: no such file or folder.` });
            continue;
        }
        if (stat.isDirectory()) {
            const found = findCycleFiles(absolute);
            if (found.length === 0) {
                problems.push({ path: given, message: `${given}: no .cycle files in this folder or below it.` });
            }
            found.forEach(add);
        } else if (stat.isFile()) {
            add(absolute);
        } else {
            problems.push({ path: given, message: `${given}: not a file or a folder.` });
        }
    }
    return { files, problems };
}

function findCycleFiles(folder: string): string[] {
    const result: string[] = [];
    const walk = (dir: string): void => {
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(dir, { withFileTypes: true });
        } catch {
            return;
        }
        entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
        for (const entry of entries) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (!SKIPPED_FOLDERS.has(entry.name)) walk(full);
            } else if (entry.isFile() && entry.name.endsWith('.cycle')) {
                result.push(full);
            }
        }
    };
    walk(folder);
    return result;
}

/**
 * Reads one file as UTF-8 text. Binary files, invalid UTF-8 and oversized files are
 * refused with a reason instead of producing a wall of syntax errors.
 */
export function readSource(absolutePath: string, cwd = process.cwd()): SourceFile | SourceProblem {
    const shown = displayPath(absolutePath, cwd);
    let bytes: Buffer;
    try {
        const size = fs.statSync(absolutePath).size;
        if (size > MAX_FILE_BYTES) {
            return { path: shown, message: `${shown}: ${(size / 1024 / 1024).toFixed(0)} MB is too large for a cycle (the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB).` };
        }
        bytes = fs.readFileSync(absolutePath);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return { path: shown, message: `${shown}: no such file.` };
        if (code === 'EISDIR') return { path: shown, message: `${shown} is a folder, not a file.` };
        return { path: shown, message: `${shown}: cannot be read (${plainReason(error)}).` };
    }
    const probe = bytes.subarray(0, 8192);
    if (probe.includes(0)) {
        return { path: shown, message: `${shown}: looks like a binary file, not a text .cycle file.` };
    }
    const invalidAt = firstInvalidUtf8Byte(bytes);
    if (invalidAt >= 0) {
        return { path: shown, message: `${shown}: is not valid UTF-8 text (byte ${invalidAt} breaks it); save the file as UTF-8.` };
    }
    let text = bytes.toString('utf8');
    // Editors hide a byte-order mark; drop it so columns match what the designer sees.
    if (text.charCodeAt(0) === 0xfeff) text = text.substring(1);
    return { absolutePath, displayPath: shown, text };
}

export function isSourceProblem(value: SourceFile | SourceProblem): value is SourceProblem {
    return 'message' in value;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        let extra: number;
        let min: number;
        if (b < 0x80) { i++; continue; }
        else if (b >= 0xc2 && b <= 0xdf) { extra = 1; min = 0x80; }
        else if (b >= 0xe0 && b <= 0xef) { extra = 2; min = 0x800; }
        else if (b >= 0xf0 && b <= 0xf4) { extra = 3; min = 0x10000; }
        else return i;
        if (i + extra >= bytes.length) return i;
        let code = b & (0x3f >> extra);
        for (let k = 1; k <= extra; k++) {
            const c = bytes[i + k];
            if ((c & 0xc0) !== 0x80) return i;
            code = (code << 6) | (c & 0x3f);
        }
        if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
        i += extra + 1;
    }
    return -1;
}
