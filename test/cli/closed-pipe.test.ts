import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from './run-cli.js';

/** A cycle big enough that its output outgrows the pipe before `head` closes it. */
function bigCycle(withError: boolean): string {
    let text = 'cycle big "Big"\n  goal "g"\n';
    for (let i = 0; i < 3000; i++) text += `  moment m${i} "Moment ${i}"\n`;
    if (withError) text += '  moment m1 "Again"\n';
    const path = join(mkdtempSync(join(tmpdir(), 'cycle-pipe-')), 'big.cycle');
    writeFileSync(path, text);
    return path;
}

/** `cycle ARGS | head -c 10` under `set -o pipefail`: cycle's own status and what it said on stderr. */
function intoHead(args: string[]): { status: number; stderr: string } {
    const quoted = [process.execPath, CLI, ...args].map(a => `'${a}'`).join(' ');
    const result = spawnSync('bash', ['-c', `set -o pipefail; ${quoted} 2>stderr.txt | head -c 10 >/dev/null; status=$?; cat stderr.txt; exit $status`], {
        cwd: mkdtempSync(join(tmpdir(), 'cycle-pipe-run-')), encoding: 'utf8'
    });
    return { status: result.status ?? -1, stderr: result.stdout };
}

describe('a reader that stops early (cycle … | head)', () => {
    it('gets no crash and no stack trace: the rest of the output is dropped quietly', () => {
        const file = bigCycle(false);
        for (const args of [['export', file, '--to', 'json'], ['render', file], ['export', file, '--to', 'markdown']]) {
            const { status, stderr } = intoHead(args);
            expect(stderr, args.join(' ')).not.toMatch(/EPIPE|Error|at /);
            expect(status, args.join(' ')).toBe(0);
        }
    });

    it('still sees the command\'s own status: findings keep exit 1', () => {
        const { status, stderr } = intoHead(['check', bigCycle(true), '--format', 'json']);
        expect(stderr).not.toMatch(/EPIPE|at /);
        expect(status).toBe(1);
    });
});
