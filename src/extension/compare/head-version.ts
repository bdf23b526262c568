import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The file as committed in HEAD; '' for a file git does not know yet (all of it is new). */
export async function headVersion(opened: string): Promise<string> {
    // git names the repository by its real path: a file opened through a symlinked
    // folder must be named the same way, or it reads as new in every line.
    const file = await realpath(opened).catch(() => opened);
    const cwd = dirname(file);
    let root: string;
    try {
        root = (await run('git', ['rev-parse', '--show-toplevel'], { cwd })).stdout.trim();
    } catch {
        throw new Error('this file is not in a git repository');
    }
    const path = relative(root, file).split('\\').join('/');
    try {
        return (await run('git', ['show', `HEAD:${path}`], { cwd: root, maxBuffer: 64 * 1024 * 1024 })).stdout;
    } catch {
        return '';
    }
}
