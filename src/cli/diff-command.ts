import { join, resolve } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { fileDiff, type CheckedVersion } from '../diff/file-diff.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffText, type FileDiff, type TextColors } from '../diff/format-diff.js';
import { analyse } from '../model/analyse.js';
import { CliError, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import type { CommandIo } from './check-command.js';
import { changedCycleFiles, defaultBase, fileAt, repositoryRoot, verifiedRevision } from './git.js';
import { requireOneFile } from './one-file.js';
import { displayPath, expandPaths, isSourceProblem, readSource } from './read-sources.js';

export type DiffFormat = 'text' | 'markdown' | 'json';

const ANSI = (open: number) => (text: string) => `\u001b[${open}m${text}\u001b[0m`;
const ANSI_DIFF_COLORS: TextColors = { added: ANSI(32), removed: ANSI(31), changed: ANSI(33), moved: ANSI(36), bold: ANSI(1), dim: ANSI(2) };
export const PLAIN_DIFF_COLORS: TextColors = { added: t => t, removed: t => t, changed: t => t, moved: t => t, bold: t => t, dim: t => t };

/** The diffs, and the files that could not be read (each said in plain words). */
interface DiffResult {
    diffs: FileDiff[];
    problems: string[];
    /** Each diff's two versions (the action draws the changed cycles from them), in the order of `diffs`. */
    versions: { before?: CheckedVersion; after?: CheckedVersion }[];
}

/** One version of a file: where it lives (or lived) and its text, from disk or from git. */
interface TextVersion {
    path: string;
    text: string;
}

/** The versions checked together as one workspace, each one's model and findings by path. */
async function analyseTexts(versions: readonly TextVersion[]): Promise<Map<string, CheckedVersion>> {
    const analysis = await analyse(versions.map(v => ({ uri: URI.file(v.path), text: v.text })), { fileSystem: NodeFileSystem });
    return new Map(analysis.texts.map((analysed, i) => [versions[i].path, { model: analysed.model, diagnostics: analysed.diagnostics }]));
}

/** One file's text, or a CliError that names what is wrong with it (exit 2). */
function readText(path: string): string {
    requireOneFile(path, 'cycle diff compares two files (cycle diff OLD NEW), or every changed file with --git.');
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
 * relative to the repository root, with `/`. A working-tree file that cannot be
 * read (a symlink loop, a FIFO…) is left out and reported; the others are compared.
 */
export async function diffGit(base: string | undefined, cwd = process.cwd()): Promise<DiffResult> {
    const root = repositoryRoot(cwd);
    const from = base === undefined ? defaultBase(root) : verifiedRevision(base, root);
    const allChanged = changedCycleFiles(from, root);
    if (allChanged.length === 0) return { diffs: [], problems: [], versions: [] };
    const problems: string[] = [];
    const read = (path: string): TextVersion | undefined => {
        const source = readSource(join(root, path), root);
        if (!isSourceProblem(source)) return { path: join(root, path), text: source.text };
        problems.push(source.message.replace(/\.$/, '; left out of the diff.'));
        return undefined;
    };
    const newVersions: TextVersion[] = [];
    const changed = allChanged.filter(c => {
        if (!c.newPath) return true;
        const version = read(c.newPath);
        if (version) newVersions.push(version);
        return version !== undefined;
    });
    const isChanged = (path: string) => allChanged.some(c => c.newPath === path || c.oldPath === path);
    const walk = expandPaths([root], root);
    // The changed files' own problems were reported above, once.
    for (const problem of walk.problems) if (!isChanged(problem.path)) problems.push(problem.message);
    const context = walk.files
        .map(f => f.substring(root.length + 1).split('\\').join('/'))
        .filter(path => !isChanged(path))
        .flatMap(path => read(path) ?? []);
    const oldVersions = changed.filter(c => c.oldPath).map(c => ({ path: join(root, c.oldPath!), text: fileAt(from, c.oldPath!, root) }));
    const before = await analyseTexts([...context, ...oldVersions]);
    const after = await analyseTexts([...context, ...newVersions]);
    // Every file is shown as git names it, relative to the repository root with `/`,
    // wherever in the repository the command runs (as the diff driver's paths are).
    const versions = changed.map(c => ({
        before: c.oldPath ? before.get(join(root, c.oldPath)) : undefined,
        after: c.newPath ? after.get(join(root, c.newPath)) : undefined
    }));
    const diffs = changed.map((c, i) => fileDiff(c.newPath ?? c.oldPath!, c.status, versions[i].before, versions[i].after));
    return { diffs, problems, versions };
}

export function printDiff(diffs: FileDiff[], format: DiffFormat, withFiles: boolean, io: CommandIo, colors: boolean): number {
    switch (format) {
        case 'json': io.out(formatDiffJson(diffs, withFiles)); break;
        case 'markdown': io.out(formatDiffMarkdown(diffs)); break;
        default: io.out(formatDiffText(diffs, colors ? ANSI_DIFF_COLORS : PLAIN_DIFF_COLORS));
    }
    return EXIT_OK;
}

/**
 * Git's external diff driver: `path old-file old-hex old-mode new-file new-hex new-mode`.
 * Git names an absent side `/dev/null`; any other file is read as `cycle diff` reads
 * one, so a FIFO, a device or a loop is refused rather than waited on.
 */
export async function diffForGitDriver(args: string[]): Promise<FileDiff[]> {
    if (args.length < 7) throw new CliError('the git diff driver takes 7 arguments: path old-file old-hex old-mode new-file new-hex new-mode.', EXIT_USAGE);
    const [path, oldFile, , , newFile] = args;
    const analyse = async (file: string) => file === '/dev/null'
        ? undefined
        : (await analyseTexts([{ path: resolve(path), text: readText(file) }])).get(resolve(path));
    const before = await analyse(oldFile);
    const after = await analyse(newFile);
    const status = !before ? 'added' : !after ? 'deleted' : 'modified';
    return [fileDiff(path, status, before, after)];
}
