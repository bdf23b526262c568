import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileDiff } from '../diff/file-diff.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffText, type FileDiff, type TextColors } from '../diff/format-diff.js';
import { analyseTexts } from './analyse-texts.js';
import { CliError, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import type { CommandIo } from './check-command.js';
import { changedCycleFiles, defaultBase, fileAt, repositoryRoot } from './git.js';
import { displayPath, isSourceProblem, readSource } from './read-sources.js';

export type DiffFormat = 'text' | 'markdown' | 'json';

const ANSI = (open: number) => (text: string) => `\u001b[${open}m${text}\u001b[0m`;
export const ANSI_DIFF_COLORS: TextColors = { added: ANSI(32), removed: ANSI(31), changed: ANSI(33), moved: ANSI(36), bold: ANSI(1), dim: ANSI(2) };
export const PLAIN_DIFF_COLORS: TextColors = { added: t => t, removed: t => t, changed: t => t, moved: t => t, bold: t => t, dim: t => t };

function readText(path: string): string {
    if (statSync(resolve(path), { throwIfNoEntry: false })?.isDirectory()) {
        throw new CliError(`${path} is a folder, not a file: cycle diff compares two files (cycle diff OLD NEW), or every changed file with --git.`, EXIT_USAGE);
    }
    const read = readSource(resolve(path));
    if (isSourceProblem(read)) throw new CliError(read.message, EXIT_USAGE);
    return read.text;
}

/** `cycle diff OLD NEW`: the two files, each checked on its own. */
export async function diffTwoFiles(oldPath: string, newPath: string): Promise<FileDiff[]> {
    const oldText = readText(oldPath);
    const newText = readText(newPath);
    const before = await analyseTexts([{ path: resolve(oldPath), text: oldText }]);
    const after = await analyseTexts([{ path: resolve(newPath), text: newText }]);
    return [fileDiff(displayPath(resolve(newPath)), 'modified', before.get(resolve(oldPath)), after.get(resolve(newPath)))];
}

/**
 * `cycle diff --git [BASE]`: every `.cycle` file changed between BASE and the working
 * tree. Old and new versions are each checked as a whole workspace (the unchanged
 * files included), so roles shared by files resolve on both sides. Files are named
 * relative to the repository root, with `/`.
 */
export async function diffGit(base: string | undefined, cwd = process.cwd()): Promise<FileDiff[]> {
    const root = repositoryRoot(cwd);
    const from = base ?? defaultBase(root);
    const changed = changedCycleFiles(from, root);
    if (changed.length === 0) return [];
    const unchanged = (await import('./read-sources.js')).expandPaths([root], root).files
        .map(f => f.substring(root.length + 1).split('\\').join('/'))
        .filter(path => !changed.some(c => c.newPath === path || c.oldPath === path));
    const context = unchanged.map(path => ({ path: join(root, path), text: readFileSync(join(root, path), 'utf8') }));
    const oldVersions = changed.filter(c => c.oldPath).map(c => ({ path: join(root, c.oldPath!), text: fileAt(from, c.oldPath!, root) }));
    const newVersions = changed.filter(c => c.newPath && existsSync(join(root, c.newPath))).map(c => ({ path: join(root, c.newPath!), text: readFileSync(join(root, c.newPath!), 'utf8') }));
    const before = await analyseTexts([...context, ...oldVersions]);
    const after = await analyseTexts([...context, ...newVersions]);
    // Every file is shown as git names it, relative to the repository root with `/`,
    // wherever in the repository the command runs (as the diff driver's paths are).
    return changed.map(c => fileDiff(
        c.newPath ?? c.oldPath!, c.status,
        c.oldPath ? before.get(join(root, c.oldPath)) : undefined,
        c.newPath ? after.get(join(root, c.newPath)) : undefined
    ));
}

export function printDiff(diffs: FileDiff[], format: DiffFormat, withFiles: boolean, io: CommandIo, colors: boolean): number {
    switch (format) {
        case 'json': io.out(formatDiffJson(diffs, withFiles)); break;
        case 'markdown': io.out(formatDiffMarkdown(diffs)); break;
        default: io.out(formatDiffText(diffs, colors ? ANSI_DIFF_COLORS : PLAIN_DIFF_COLORS));
    }
    return EXIT_OK;
}

/** Git's external diff driver: `path old-file old-hex old-mode new-file new-hex new-mode`. */
export async function diffForGitDriver(args: string[]): Promise<FileDiff[]> {
    if (args.length < 7) throw new CliError('the git diff driver takes 7 arguments: path old-file old-hex old-mode new-file new-hex new-mode.', EXIT_USAGE);
    const [path, oldFile, , , newFile] = args;
    const missing = (file: string) => file === '/dev/null' || !existsSync(file);
    const before = missing(oldFile) ? undefined : (await analyseTexts([{ path: resolve(path), text: readFileSync(oldFile, 'utf8') }])).get(resolve(path));
    const after = missing(newFile) ? undefined : (await analyseTexts([{ path: resolve(path), text: readFileSync(newFile, 'utf8') }])).get(resolve(path));
    const status = !before ? 'added' : !after ? 'deleted' : 'modified';
    return [fileDiff(path, status, before, after)];
}
