import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodingProblem } from './decode-text.js';
import { failureOf, isReadFailure, readRegularFile, type ReadFailure } from './read-file.js';

/** A `.cycle` file read from disk, ready to be parsed. */
export interface SourceFile {
    readonly absolutePath: string;
    /** The path as the user should see it: relative to the working folder when inside it. */
    readonly displayPath: string;
    /** The text, without a byte-order mark. */
    readonly text: string;
    /** Whether the file began with a UTF-8 byte-order mark (`cycle fmt` keeps it). */
    readonly hadByteOrderMark: boolean;
}

/** A path that could not be used, with the reason in plain words. */
export interface SourceProblem {
    readonly path: string;
    readonly message: string;
    /** What went wrong, for commands that explain some cases in their own words. */
    readonly kind: ReadFailure['kind'] | 'encoding' | 'empty-path' | 'no-cycles';
}

const MAX_FILE_BYTES = 50 * 1024 * 1024;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

const EMPTY_PATH_MESSAGE = 'an empty path was given; name a file or a folder (`.` is the current folder).';

export function displayPath(absolutePath: string, cwd = process.cwd()): string {
    const relative = path.relative(cwd, absolutePath);
    const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolutePath;
    return shown.split(path.sep).join('/');
}

/** The message for a failed read of `shown`, in plain words. */
function describeFailure(shown: string, failure: ReadFailure): string {
    switch (failure.kind) {
        case 'missing': return `${shown}: no such file.`;
        case 'loop': return `${shown} is a loop of symbolic links.`;
        case 'folder': return `${shown} is a folder, not a file.`;
        case 'special': return `${shown} is ${failure.what}, not a file.`;
        case 'too-large': return `${shown}: ${(failure.size / 1024 / 1024).toFixed(0)} MB is too large for a cycle (the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB).`;
        case 'unreadable': return `${shown}: cannot be read (${failure.reason}).`;
    }
}

/** The real path of a file, or the path itself when it has none (it vanished). */
function realPathOf(file: string): string {
    try {
        return fs.realpathSync(file);
    } catch {
        return file;
    }
}

/**
 * Expands the paths given on the command line: files as given, folders searched
 * recursively for `*.cycle` (skipping node_modules and version-control folders,
 * following symbolic links). Each file appears once, however many paths lead to it
 * (compared by real path), in a stable order. Anything that is not a folder is kept
 * as a file: reading it says what is wrong with it (a FIFO, a device…).
 */
export function expandPaths(paths: readonly string[], cwd = process.cwd()): { files: string[]; problems: SourceProblem[] } {
    const files: string[] = [];
    const problems: SourceProblem[] = [];
    const seen = new Set<string>();
    const add = (file: string): void => {
        const real = realPathOf(file);
        if (!seen.has(real)) {
            seen.add(real);
            files.push(file);
        }
    };
    for (const given of paths) {
        if (given === '') {
            problems.push({ path: given, message: EMPTY_PATH_MESSAGE, kind: 'empty-path' });
            continue;
        }
        const absolute = path.resolve(cwd, given);
        let stat: fs.Stats;
        try {
            stat = fs.statSync(absolute);
        } catch (error) {
            const failure = failureOf(error);
            const message = failure.kind === 'missing' ? `${given}: no such file or folder.` : describeFailure(given, failure);
            problems.push({ path: given, message, kind: failure.kind });
            continue;
        }
        if (stat.isDirectory()) {
            const found = findCycleFiles(absolute, cwd);
            for (const problem of found.problems) problems.push(problem);
            if (found.files.length === 0 && found.problems.length === 0) {
                problems.push({ path: given, message: `${given}: no .cycle files in this folder or below it.`, kind: 'no-cycles' });
            }
            found.files.forEach(add);
        } else {
            add(absolute);
        }
    }
    return { files, problems };
}

/**
 * Every `*.cycle` below `folder`. Symbolic links are followed, to files and to
 * folders; a folder already walked (by real path) is not walked again, so a link
 * back up the tree ends there. What cannot be read is skipped and reported.
 */
function findCycleFiles(folder: string, cwd: string): { files: string[]; problems: SourceProblem[] } {
    const files: string[] = [];
    const problems: SourceProblem[] = [];
    const walked = new Set<string>();
    const skip = (full: string, failure: ReadFailure): void => {
        const shown = displayPath(full, cwd);
        problems.push({ path: shown, message: describeFailure(shown, failure).replace(/\.$/, '; skipped.'), kind: failure.kind });
    };
    const walk = (dir: string): void => {
        walked.add(realPathOf(dir));
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(dir, { withFileTypes: true });
        } catch (error) {
            skip(dir, failureOf(error));
            return;
        }
        entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
        for (const entry of entries) {
            const full = path.join(dir, entry.name);
            let isFolder = entry.isDirectory();
            if (entry.isSymbolicLink()) {
                try {
                    isFolder = fs.statSync(full).isDirectory();
                } catch (error) {
                    const failure = failureOf(error);
                    // A dangling link matters only when it was meant to be a cycle; a loop
                    // may have been meant as a folder, so it is always reported.
                    if (failure.kind !== 'missing' || entry.name.endsWith('.cycle')) skip(full, failure);
                    continue;
                }
            }
            if (isFolder) {
                if (!SKIPPED_FOLDERS.has(entry.name) && !walked.has(realPathOf(full))) walk(full);
            } else if (entry.name.endsWith('.cycle')) {
                files.push(full);
            }
        }
    };
    walk(folder);
    return { files, problems };
}

/**
 * Reads one file as UTF-8 text. Anything but a regular file (a folder, a FIFO, a
 * device, a socket), oversized files, binary files, UTF-16 and invalid UTF-8 are
 * refused with a reason instead of blocking or producing a wall of syntax errors.
 */
export function readSource(absolutePath: string, cwd = process.cwd()): SourceFile | SourceProblem {
    const shown = displayPath(absolutePath, cwd);
    const bytes = readRegularFile(absolutePath, MAX_FILE_BYTES);
    if (isReadFailure(bytes)) return { path: shown, message: describeFailure(shown, bytes), kind: bytes.kind };
    const problem = encodingProblem(bytes, shown);
    if (problem) return { path: shown, message: problem, kind: 'encoding' };
    let text = bytes.toString('utf8');
    // Editors hide a byte-order mark; drop it so columns match what the designer sees.
    const hadByteOrderMark = text.charCodeAt(0) === 0xfeff;
    if (hadByteOrderMark) text = text.substring(1);
    return { absolutePath, displayPath: shown, text, hadByteOrderMark };
}

export function isSourceProblem(value: SourceFile | SourceProblem): value is SourceProblem {
    return 'message' in value;
}

/** Whether `given` names a folder (following links); false when it cannot be told. */
export function isFolder(given: string): boolean {
    try {
        return fs.statSync(given).isDirectory();
    } catch {
        return false;
    }
}
