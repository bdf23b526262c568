import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headVersion } from '../../src/extension/compare/head-version.js';

/** A git repository with `a.cycle` committed, then changed in the working tree. */
function repository(): string {
    const folder = mkdtempSync(join(tmpdir(), 'cycle-head-'));
    const git = (...args: string[]) => spawnSync('git', args, {
        cwd: folder,
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' }
    });
    git('init', '-q');
    writeFileSync(join(folder, 'a.cycle'), 'cycle committed "C"\n');
    git('add', 'a.cycle');
    git('commit', '-q', '-m', 'first');
    writeFileSync(join(folder, 'a.cycle'), 'cycle changed "C"\n');
    return folder;
}

describe('Compare with HEAD reads the committed version', () => {
    it('of a file in a repository, and nothing for a file git does not know', async () => {
        const folder = repository();
        expect(await headVersion(join(folder, 'a.cycle'))).toBe('cycle committed "C"\n');
        writeFileSync(join(folder, 'new.cycle'), 'cycle fresh "F"\n');
        expect(await headVersion(join(folder, 'new.cycle'))).toBe('');
    });

    it('of a file opened through a symlinked folder (it read as all new)', async () => {
        const folder = repository();
        const link = join(mkdtempSync(join(tmpdir(), 'cycle-link-')), 'workspace');
        symlinkSync(folder, link);
        expect(await headVersion(join(link, 'a.cycle'))).toBe('cycle committed "C"\n');
    });

    it('says when the file is in no repository', async () => {
        const outside = mkdtempSync(join(tmpdir(), 'cycle-nogit-'));
        writeFileSync(join(outside, 'a.cycle'), 'cycle c "C"\n');
        await expect(headVersion(join(outside, 'a.cycle'))).rejects.toThrow('not in a git repository');
    });
});
