/**
 * Temporary workspaces for the fuzzing properties, and a fingerprint of every file in
 * one, to tell whether a command altered, deleted or left behind anything.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES } from './generators.js';

export function temporaryFolder(prefix: string): string {
    return mkdtempSync(join(tmpdir(), `cycle-fuzz-${prefix}-`));
}

export function removeFolder(folder: string): void {
    rmSync(folder, { recursive: true, force: true });
}

/**
 * The workspace the CLI runs in, with every kind of path `WORKSPACE_PATHS` names:
 * good and broken cycles, a folder, a symbolic link and a link loop, a FIFO (which
 * blocks whoever reads it), a folder named like a cycle, an empty file, a text file.
 */
export function cliWorkspace(): string {
    const folder = temporaryFolder('cli');
    const bank = EXAMPLES.get('bank-check-cashing.cycle')!;
    writeFileSync(join(folder, 'good.cycle'), bank);
    writeFileSync(join(folder, 'broken.cycle'), bank.replace('  moment enter "Enters the bank"', '  moment enter "Enters the bank'));
    writeFileSync(join(folder, 'team.cycle'), EXAMPLES.get('team.cycle')!);
    writeFileSync(join(folder, 'notes.txt'), 'not a cycle\n');
    writeFileSync(join(folder, 'empty.cycle'), '');
    mkdirSync(join(folder, 'sub'));
    writeFileSync(join(folder, 'sub', 'inner.cycle'), EXAMPLES.get('shoe-order.cycle')!);
    mkdirSync(join(folder, 'folder.cycle'));
    symlinkSync('good.cycle', join(folder, 'link.cycle'));
    symlinkSync('loop.cycle', join(folder, 'loop.cycle'));
    execFileSync('mkfifo', [join(folder, 'fifo.cycle')]);
    return folder;
}

/** What each entry of a folder is, by relative path: a hash for files, the target for links. */
export type Fingerprint = Map<string, string>;

export function fingerprint(folder: string): Fingerprint {
    const result: Fingerprint = new Map();
    const walk = (relative: string): void => {
        for (const name of readdirSync(join(folder, relative)).sort()) {
            const path = relative ? `${relative}/${name}` : name;
            const stat = lstatSync(join(folder, path));
            if (stat.isDirectory()) {
                result.set(path, 'folder');
                walk(path);
            } else if (stat.isSymbolicLink()) {
                result.set(path, `link to ${readlinkSync(join(folder, path))}`);
            } else if (stat.isFile()) {
                result.set(path, `file ${createHash('sha256').update(readFileSync(join(folder, path))).digest('hex').substring(0, 16)} mode ${(stat.mode & 0o777).toString(8)}`);
            } else {
                // never opened: reading a FIFO would block
                result.set(path, stat.isFIFO() ? 'fifo' : 'special');
            }
        }
    };
    walk('');
    return result;
}

/** How `after` differs from `before`, one line per path. */
export function changedPaths(before: Fingerprint, after: Fingerprint): { path: string; change: 'altered' | 'deleted' | 'created' }[] {
    const changes: { path: string; change: 'altered' | 'deleted' | 'created' }[] = [];
    for (const [path, print] of before) {
        const now = after.get(path);
        if (now === undefined) changes.push({ path, change: 'deleted' });
        else if (now !== print) changes.push({ path, change: 'altered' });
    }
    for (const path of after.keys()) if (!before.has(path)) changes.push({ path, change: 'created' });
    return changes;
}
