import { spawnSync } from 'node:child_process';
import { CliError, EXIT_USAGE } from './cli-error.js';

interface GitResult {
    status: number | null;
    stdout: string;
    stderr: string;
}

function runGit(args: string[], cwd: string): GitResult {
    const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (result.error) throw new CliError(`cannot run git: ${result.error.message}.`, EXIT_USAGE);
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs git and returns its standard output; a failure becomes a clear CliError. */
function git(args: string[], cwd: string, allowFailure = false): string {
    const result = runGit(args, cwd);
    if (result.status !== 0) {
        if (allowFailure) return '';
        throw new CliError(`git ${args.join(' ')} failed: ${result.stderr.trim().split('\n')[0]}`, EXIT_USAGE);
    }
    return result.stdout;
}

export function repositoryRoot(cwd: string): string {
    const result = runGit(['rev-parse', '--show-toplevel'], cwd);
    if (result.status !== 0 && /not a git repository/i.test(result.stderr)) {
        throw new CliError(`the current folder (${cwd}) is not inside a git repository; run cycle diff --git in a repository, or compare two files with cycle diff OLD NEW.`, EXIT_USAGE);
    }
    if (result.status !== 0) throw new CliError(`git rev-parse --show-toplevel failed: ${result.stderr.trim().split('\n')[0]}`, EXIT_USAGE);
    return result.stdout.trim();
}

/**
 * Makes sure a revision the user gave is one: never something git would read as an
 * option (`--output=FILE` makes git write a file), and one this repository has.
 * Returns the commit it names.
 */
export function verifiedRevision(revision: string, root: string): string {
    if (revision === '' || revision.startsWith('-')) {
        throw new CliError(`${JSON.stringify(revision)} is not a revision: a revision never starts with "-" (cycle diff --git [BASE], BASE a branch, a tag or a commit).`, EXIT_USAGE);
    }
    const commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], root, true).trim();
    if (!commit) throw new CliError(`${revision} is not a revision of this repository (a branch, a tag or a commit).`, EXIT_USAGE);
    return commit;
}

/**
 * The base a pull request is compared with: the merge base of HEAD and the default
 * branch (origin's HEAD, else main, else master); HEAD itself on a lone branch.
 */
export function defaultBase(cwd: string): string {
    const remoteHead = git(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], cwd, true).trim();
    const candidates = [remoteHead, 'refs/remotes/origin/main', 'refs/remotes/origin/master', 'refs/heads/main', 'refs/heads/master'].filter(Boolean);
    for (const ref of candidates) {
        if (!git(['rev-parse', '--verify', '--quiet', ref], cwd, true).trim()) continue;
        const base = git(['merge-base', 'HEAD', ref], cwd, true).trim();
        if (base) return base;
    }
    return 'HEAD';
}

interface ChangedFile {
    status: 'added' | 'deleted' | 'modified';
    /** Path in the base (null when added). */
    oldPath: string | null;
    /** Path in the working tree (null when deleted). */
    newPath: string | null;
}

/** Every `.cycle` file that differs between `base` and the working tree, untracked ones included. */
export function changedCycleFiles(base: string, root: string): ChangedFile[] {
    const files: ChangedFile[] = [];
    // -z: paths exactly as they are (no C-style quoting of unusual names), NUL-separated.
    // --end-of-options: the base is a revision, whatever it looks like.
    const listed = git(['diff', '--name-status', '-z', '-M', '--no-color', '--end-of-options', base, '--', '*.cycle'], root).split('\0');
    for (let i = 0; i < listed.length && listed[i]; ) {
        const status = listed[i++];
        const first = listed[i++];
        if (status.startsWith('A')) files.push({ status: 'added', oldPath: null, newPath: first });
        else if (status.startsWith('D')) files.push({ status: 'deleted', oldPath: first, newPath: null });
        else if (status.startsWith('R') || status.startsWith('C')) files.push({ status: 'modified', oldPath: first, newPath: listed[i++] });
        else files.push({ status: 'modified', oldPath: first, newPath: first });
    }
    const untracked = git(['ls-files', '-z', '--others', '--exclude-standard', '--', '*.cycle'], root);
    for (const path of untracked.split('\0').filter(Boolean)) files.push({ status: 'added', oldPath: null, newPath: path });
    return files;
}

export function fileAt(base: string, path: string, root: string): string {
    return git(['show', '--end-of-options', `${base}:${path}`], root);
}
