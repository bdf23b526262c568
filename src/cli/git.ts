import { spawnSync } from 'node:child_process';
import { CliError, EXIT_USAGE } from './cli-error.js';

/** Runs git and returns its standard output; a failure becomes a clear CliError. */
export function git(args: string[], cwd: string, allowFailure = false): string {
    const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (result.error) throw new CliError(`cannot run git: ${result.error.message}.`, EXIT_USAGE);
    if (result.status !== 0) {
        if (allowFailure) return '';
        throw new CliError(`git ${args.join(' ')} failed: ${result.stderr.trim().split('\n')[0]}`, EXIT_USAGE);
    }
    return result.stdout;
}

export function repositoryRoot(cwd: string): string {
    return git(['rev-parse', '--show-toplevel'], cwd).trim();
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

export interface ChangedFile {
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
    const listed = git(['diff', '--name-status', '-z', '-M', '--no-color', base, '--', '*.cycle'], root).split('\0');
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
    return git(['show', `${base}:${path}`], root);
}
