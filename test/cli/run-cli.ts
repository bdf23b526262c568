import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = fileURLToPath(new URL('../../bin/cycle.cjs', import.meta.url));

export interface CliResult {
    status: number;
    stdout: string;
    stderr: string;
}

/** Runs the built `cycle` command as a separate process, as a user would. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
    const result = spawnSync(process.execPath, [CLI, ...args], {
        cwd: options.cwd ?? PROJECT_ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env },
        maxBuffer: 64 * 1024 * 1024
    });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
