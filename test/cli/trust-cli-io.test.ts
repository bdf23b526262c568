import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, PROJECT_ROOT, type CliResult } from './run-cli.js';

// Issue 10 "Trust": the command line's file input and output.

const BANK = readFileSync(join(PROJECT_ROOT, 'examples/bank-check-cashing.cycle'), 'utf8');
const SMALL = 'cycle small "Small"\n  goal "g"\n  moment m "M"\n';
const RUNNING_AS_ROOT = process.getuid?.() === 0;

const scratch = (): string => mkdtempSync(join(tmpdir(), 'cycle-trust-'));

/**
 * Runs the built CLI with a time limit, so that a command that blocks (on a FIFO, on
 * /dev/zero) fails its test instead of hanging the run.
 */
function run(args: string[], cwd: string = PROJECT_ROOT, env: Record<string, string> = {}): CliResult {
    const result = spawnSync(process.execPath, [CLI, ...args], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 20_000,
        killSignal: 'SIGKILL'
    });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function mkfifo(path: string): void {
    const made = spawnSync('mkfifo', [path]);
    if (made.status !== 0) throw new Error(`mkfifo ${path}: ${made.stderr}`);
}

function git(cwd: string, ...args: string[]): string {
    const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
}

function repository(files: Record<string, string>): string {
    const dir = scratch();
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'start');
    return dir;
}

/** No internal error, no stack trace, no raw error code: what a user can act on. */
function plain(result: CliResult): void {
    expect(result.stderr).not.toMatch(/internal error|\n\s+at |\bE[A-Z]{3,}\b/);
}

const servers: Server[] = [];
afterAll(() => servers.forEach(server => server.close()));

/** A Unix socket file at `path`, for as long as the tests run. */
async function socketAt(path: string): Promise<void> {
    const server = createServer();
    servers.push(server);
    await new Promise<void>(resolve => server.listen(path, resolve));
}

describe('issue 10 item 3: -o never destroys a file', () => {
    it('issue 10 item 3: export -o refuses to overwrite its own input', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'a.cycle'), BANK);
        const result = run(['export', 'a.cycle', '--to', 'json', '-o', 'a.cycle'], dir);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^cycle: .*a\.cycle.* is the input/m);
        expect(readFileSync(join(dir, 'a.cycle'), 'utf8')).toBe(BANK);
    });

    it('issue 10 item 3: -o refuses its own input through a symlink or a roundabout path (export, render, render --diff)', () => {
        const dir = scratch();
        mkdirSync(join(dir, 'sub'));
        writeFileSync(join(dir, 'a.cycle'), BANK);
        symlinkSync('a.cycle', join(dir, 'link.json'));
        symlinkSync('a.cycle', join(dir, 'picture.svg'));
        const attempts = [
            ['export', 'a.cycle', '--to', 'markdown', '-o', 'link.json'],
            ['export', 'a.cycle', '--to', 'json', '-o', './sub/../a.cycle'],
            ['render', 'a.cycle', '-o', 'picture.svg'],
            ['render', '--diff', 'a.cycle', 'a.cycle', '-o', 'picture.svg']
        ];
        for (const args of attempts) {
            const result = run(args, dir);
            expect(result.status, args.join(' ')).toBe(2);
            expect(result.stderr, args.join(' ')).toMatch(/^cycle: .* is the input/m);
            expect(readFileSync(join(dir, 'a.cycle'), 'utf8')).toBe(BANK);
            expect(lstatSync(join(dir, 'picture.svg')).isSymbolicLink()).toBe(true);
        }
    });

    it('issue 10 item 3: -o refuses a FIFO and a socket, and leaves them as they are', async () => {
        const dir = scratch();
        writeFileSync(join(dir, 'a.cycle'), BANK);
        mkfifo(join(dir, 'pipe.svg'));
        await socketAt(join(dir, 'socket.json'));
        const toFifo = run(['render', 'a.cycle', '-o', 'pipe.svg'], dir);
        expect(toFifo.status).toBe(2);
        expect(toFifo.stderr).toMatch(/^cycle: cannot write pipe\.svg: it is a FIFO \(named pipe\), not a regular file/m);
        expect(lstatSync(join(dir, 'pipe.svg')).isFIFO()).toBe(true);
        const toSocket = run(['export', 'a.cycle', '--to', 'json', '-o', 'socket.json'], dir);
        expect(toSocket.status).toBe(2);
        expect(toSocket.stderr).toMatch(/^cycle: cannot write socket\.json: it is a socket, not a regular file/m);
        expect(lstatSync(join(dir, 'socket.json')).isSocket()).toBe(true);
    });

    it('issue 10 item 3: -o refuses a device (a copy of /dev/null made with mknod) and leaves it a device', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'a.cycle'), BANK);
        const made = spawnSync('mknod', [join(dir, 'null.json'), 'c', '1', '3']);
        // Making a device needs root (and a container that allows it); /dev/null itself is never risked.
        if (made.status !== 0) return;
        const result = run(['export', 'a.cycle', '--to', 'json', '-o', 'null.json'], dir);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^cycle: cannot write null\.json: it is a device, not a regular file/m);
        expect(lstatSync(join(dir, 'null.json')).isCharacterDevice()).toBe(true);
    });

    it('issue 10 item 3: -o refuses a folder and an empty path', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'a.cycle'), BANK);
        mkdirSync(join(dir, 'out.json'));
        const folder = run(['export', 'a.cycle', '--to', 'json', '-o', 'out.json'], dir);
        expect(folder.status).toBe(2);
        expect(folder.stderr).toMatch(/^cycle: cannot write out\.json: it is a folder/m);
        const empty = run(['export', 'a.cycle', '--to', 'json', '-o', ''], dir);
        expect(empty.status).toBe(2);
        expect(empty.stderr).toMatch(/^cycle: -o was given an empty path/m);
        expect(readdirSync(dir).sort()).toEqual(['a.cycle', 'out.json']);
    });

    it('issue 10 item 3 and item 8: -o - and -o /dev/stdout write to standard output, also into a pipe', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'a.cycle'), BANK);
        for (const output of ['-', '/dev/stdout']) {
            const svg = run(['render', 'a.cycle', '-o', output], dir);
            expect(svg.status, output).toBe(0);
            expect(svg.stdout, output).toMatch(/^<svg/);
            expect(svg.stderr, output).toBe('');
            const json = run(['export', 'a.cycle', '--to', 'json', '-o', output], dir);
            expect(json.status, output).toBe(0);
            expect(JSON.parse(json.stdout).modelVersion, output).toBe(1);
        }
        expect(readdirSync(dir)).toEqual(['a.cycle']);
        expect(readFileSync(join(dir, 'a.cycle'), 'utf8')).toBe(BANK);
    });

    it('issue 10 item 3: -o still writes a new file and replaces a regular one', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'a.cycle'), BANK);
        writeFileSync(join(dir, 'old.json'), 'old');
        expect(run(['export', 'a.cycle', '--to', 'json', '-o', 'old.json'], dir).status).toBe(0);
        expect(JSON.parse(readFileSync(join(dir, 'old.json'), 'utf8')).modelVersion).toBe(1);
        expect(run(['render', 'a.cycle', '-o', 'new.svg'], dir).status).toBe(0);
        expect(readFileSync(join(dir, 'new.svg'), 'utf8')).toMatch(/^<svg/);
        expect(readdirSync(dir).sort()).toEqual(['a.cycle', 'new.svg', 'old.json']);
    });
});

describe('issue 10 item 8: reading input', () => {
    it('issue 10 item 8: diff and diff-driver refuse a FIFO instead of waiting on it', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'a.cycle'), BANK);
        mkfifo(join(dir, 'pipe.cycle'));
        const diff = run(['diff', 'pipe.cycle', 'a.cycle'], dir);
        expect(diff.status).toBe(2);
        expect(diff.stderr).toMatch(/^cycle: pipe\.cycle is a FIFO \(named pipe\), not a file/m);
        const driver = run(['diff-driver', 'a.cycle', 'a.cycle', '0', '100644', 'pipe.cycle', '0', '100644'], dir);
        expect(driver.status).toBe(2);
        expect(driver.stderr).toMatch(/^cycle: pipe\.cycle is a FIFO \(named pipe\), not a file/m);
        const check = run(['check', 'pipe.cycle'], dir);
        expect(check.status).toBe(2);
        expect(check.stderr).toMatch(/^cycle: pipe\.cycle is a FIFO \(named pipe\), not a file/m);
    });

    it('issue 10 item 8: diff and diff-driver refuse a device such as /dev/zero without reading it', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'a.cycle'), BANK);
        const diff = run(['diff', '/dev/zero', 'a.cycle'], dir);
        expect(diff.status).toBe(2);
        expect(diff.stderr).toMatch(/^cycle: \/dev\/zero is a device, not a file/m);
        const driver = run(['diff-driver', 'a.cycle', '/dev/zero', '0', '100644', 'a.cycle', '0', '100644'], dir);
        expect(driver.status).toBe(2);
        expect(driver.stderr).toMatch(/^cycle: \/dev\/zero is a device, not a file/m);
    });

    it('issue 10 item 8: a socket is refused as input', async () => {
        const dir = scratch();
        await socketAt(join(dir, 'socket.cycle'));
        const result = run(['check', 'socket.cycle'], dir);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^cycle: socket\.cycle is a socket, not a file/m);
    });

    it('issue 10 item 8: diff-driver refuses a file over the size limit before reading it', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'a.cycle'), BANK);
        // A sparse file: 60 MB long, nothing written, so it costs no disk.
        writeFileSync(join(dir, 'huge.cycle'), '');
        truncateSync(join(dir, 'huge.cycle'), 60 * 1024 * 1024);
        expect(statSync(join(dir, 'huge.cycle')).size).toBe(60 * 1024 * 1024);
        const driver = run(['diff-driver', 'a.cycle', 'a.cycle', '0', '100644', 'huge.cycle', '0', '100644'], dir);
        expect(driver.status).toBe(2);
        expect(driver.stderr).toMatch(/^cycle: huge\.cycle: 60 MB is too large for a cycle \(the limit is 50 MB\)/m);
    });

    it('issue 10 item 8: a symlink loop gets a plain message and exit 2 in render, render --diff, diff and diff-driver', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'a.cycle'), BANK);
        symlinkSync('loop2.cycle', join(dir, 'loop1.cycle'));
        symlinkSync('loop1.cycle', join(dir, 'loop2.cycle'));
        const attempts = [
            ['render', 'loop1.cycle'],
            ['render', '--diff', 'loop1.cycle', 'a.cycle'],
            ['diff', 'loop1.cycle', 'a.cycle'],
            ['diff', 'a.cycle', 'loop1.cycle'],
            ['diff-driver', 'a.cycle', 'loop1.cycle', '0', '100644', 'a.cycle', '0', '100644'],
            ['export', 'loop1.cycle', '--to', 'json'],
            ['check', 'loop1.cycle']
        ];
        for (const args of attempts) {
            const result = run(args, dir);
            expect(result.status, args.join(' ')).toBe(2);
            expect(result.stderr, args.join(' ')).toMatch(/^cycle: loop1\.cycle is a loop of symbolic links/m);
            plain(result);
        }
    });

    it('issue 10 item 8: diff --git reports a symlink loop in the working tree plainly and still shows the other changes', () => {
        const dir = repository({ 'a.cycle': BANK });
        writeFileSync(join(dir, 'a.cycle'), BANK.replace('wait limit 20 min', 'wait limit 40 min'));
        symlinkSync('loop2.cycle', join(dir, 'loop1.cycle'));
        symlinkSync('loop1.cycle', join(dir, 'loop2.cycle'));
        mkdirSync(join(dir, 'folders'));
        symlinkSync('.', join(dir, 'folders', 'again'));
        const result = run(['diff', '--git', 'main'], dir);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^cycle: loop1\.cycle is a loop of symbolic links/m);
        expect(result.stdout).toContain('wait-turn');
        plain(result);
    });

    it('issue 10 item 8: a folder walk skips a folder it cannot read and says so (a folder symlink loop)', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'a.cycle'), SMALL);
        // A link to itself: reading it as a folder really fails, even as root.
        symlinkSync('stuck', join(dir, 'stuck'));
        const result = run(['check', '.'], dir);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^cycle: stuck is a loop of symbolic links; skipped/m);
        expect(result.stdout).toMatch(/in 1 file/);
        plain(result);
    });

    it.skipIf(RUNNING_AS_ROOT)('issue 10 item 8: a folder walk skips a folder without read permission and says so', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'a.cycle'), SMALL);
        mkdirSync(join(dir, 'locked'));
        writeFileSync(join(dir, 'locked', 'b.cycle'), SMALL);
        chmodSync(join(dir, 'locked'), 0o000);
        try {
            const result = run(['check', '.'], dir);
            expect(result.status).toBe(2);
            expect(result.stderr).toMatch(/^cycle: locked: cannot be read \(permission denied\); skipped/m);
            plain(result);
        } finally {
            chmodSync(join(dir, 'locked'), 0o755);
        }
    });

    it('issue 10 item 8: export refuses a folder instead of exporting its first file', () => {
        const dir = scratch();
        mkdirSync(join(dir, 'cycles'));
        writeFileSync(join(dir, 'cycles', 'a.cycle'), BANK);
        const result = run(['export', 'cycles', '--to', 'json'], dir);
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/^cycle: cycles is a folder, not a file: cycle export exports one \.cycle file/m);
    });

    it('issue 10 item 8: diff --git never lets a revision be read by git as an option', () => {
        const dir = repository({ 'a.cycle': BANK });
        for (const revision of ['--output=written-by-git.txt', '-p']) {
            const result = run(['diff', '--git', '--', revision], dir);
            expect(result.status, revision).toBe(2);
            expect(result.stderr, revision).toMatch(/^cycle: .* is not a revision: a revision never starts with "-"/m);
        }
        expect(existsSync(join(dir, 'written-by-git.txt'))).toBe(false);
        const unknown = run(['diff', '--git', 'no-such-branch'], dir);
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toMatch(/^cycle: no-such-branch is not a revision of this repository/m);
    });

    it('issue 10 item 8: an empty path is bad usage, not the current folder', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'a.cycle'), BANK.replace('cycle bank', '\tcycle bank'));
        const before = readFileSync(join(dir, 'a.cycle'), 'utf8');
        for (const command of ['check', 'fmt']) {
            const result = run([command, ''], dir);
            expect(result.status, command).toBe(2);
            expect(result.stderr, command).toMatch(/^cycle: an empty path was given/m);
            expect(result.stdout, command).toBe('');
        }
        expect(readFileSync(join(dir, 'a.cycle'), 'utf8')).toBe(before);
        const diff = run(['diff', '', 'a.cycle'], dir);
        expect(diff.status).toBe(2);
        expect(diff.stderr).toMatch(/^cycle: an empty path was given/m);
    });

    it('issue 10 item 8: fmt refuses a read-only file (no write bit), even as root', () => {
        const dir = scratch();
        const unformatted = 'cycle small   "Small"\n  goal "g"\n  moment m "M"\n';
        writeFileSync(join(dir, 'locked.cycle'), unformatted);
        writeFileSync(join(dir, 'open.cycle'), unformatted);
        chmodSync(join(dir, 'locked.cycle'), 0o444);
        const result = run(['fmt', '.'], dir);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^cycle: locked\.cycle is read-only, not rewritten/m);
        expect(readFileSync(join(dir, 'locked.cycle'), 'utf8')).toBe(unformatted);
        expect(statSync(join(dir, 'locked.cycle')).mode & 0o777).toBe(0o444);
        // The other file is still formatted.
        expect(readFileSync(join(dir, 'open.cycle'), 'utf8')).toBe(SMALL);
        // --check writes nothing, so a read-only file is no problem there.
        writeFileSync(join(dir, 'open.cycle'), SMALL);
        expect(run(['fmt', '--check', 'locked.cycle'], dir).status).toBe(1);
    });

    it('issue 10 item 8: -o refuses a read-only file too', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'a.cycle'), BANK);
        writeFileSync(join(dir, 'kept.json'), 'kept');
        chmodSync(join(dir, 'kept.json'), 0o444);
        const result = run(['export', 'a.cycle', '--to', 'json', '-o', 'kept.json'], dir);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^cycle: kept\.json is read-only, not rewritten/m);
        expect(readFileSync(join(dir, 'kept.json'), 'utf8')).toBe('kept');
    });

    it('issue 10 item 8: folder walks follow symlinks to .cycle files and folders, each file once, without looping', () => {
        const dir = scratch();
        const elsewhere = scratch();
        mkdirSync(join(dir, 'team'));
        writeFileSync(join(dir, 'team', 'a.cycle'), SMALL);
        writeFileSync(join(elsewhere, 'b.cycle'), SMALL.replace('small', 'linked-file'));
        mkdirSync(join(elsewhere, 'more'));
        writeFileSync(join(elsewhere, 'more', 'c.cycle'), SMALL.replace('small', 'linked-folder'));
        symlinkSync(join(elsewhere, 'b.cycle'), join(dir, 'team', 'b.cycle'));
        symlinkSync(join(elsewhere, 'more'), join(dir, 'more'));
        symlinkSync('..', join(dir, 'team', 'up')); // a loop back to the top
        symlinkSync('a.cycle', join(dir, 'team', 'same-as-a.cycle')); // the same file again
        const result = run(['check', '--format', 'json', '.'], dir);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(run(['check', '.'], dir).stdout).toMatch(/in 3 files/);
    });
});

describe('issue 10 item 12: newcomer trials', () => {
    it('issue 10 item 12: --help lists diff-driver with how to set it up', () => {
        const help = run(['--help']);
        expect(help.status).toBe(0);
        // Commander wraps the description: compare with the line breaks as spaces.
        const text = help.stdout.replace(/\s+/g, ' ');
        expect(text).toContain("diff-driver <args...> git's diff driver for .cycle files: git config diff.cycle.command 'cycle diff-driver' and '*.cycle diff=cycle' in .gitattributes");
    });

    it('issue 10 item 12: diff --git outside a repository says so in plain words', () => {
        const dir = scratch();
        const result = run(['diff', '--git'], dir, { GIT_CEILING_DIRECTORIES: tmpdir() });
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^cycle: the current folder \(.*\) is not inside a git repository; run cycle diff --git in a repository, or compare two files with cycle diff OLD NEW\.$/m);
        expect(result.stderr).not.toMatch(/fatal/);
    });

    it('issue 10 item 12: every error starts with "cycle: ", commander\'s usage errors included', () => {
        const attempts = [
            ['frob'],
            ['check', '--frob'],
            ['export'],
            ['export', 'a.cycle'],
            ['check', '--format', 'xml'],
            ['check', '--max-warnings', 'many']
        ];
        for (const args of attempts) {
            const result = run(args);
            expect(result.status, args.join(' ')).toBe(2);
            expect(result.stderr, args.join(' ')).toMatch(/^cycle: /);
            expect(result.stderr, args.join(' ')).not.toMatch(/^error:/m);
        }
    });

    it('issue 10 item 11: every CLI error message shows control characters escaped (an id from the command line, a file name)', () => {
        const dir = scratch();
        const named = join(dir, 'odd\u001b[2Jname.cycle');
        writeFileSync(named, SMALL);
        for (const args of [['render', named, '--cycle', '\u001b[2Jgone'], ['diff', named, join(dir, 'missing\u001b[31m.cycle')]]) {
            const result = run(args);
            expect(result.status, args.join(' ')).toBe(2);
            expect(result.stderr, args.join(' ')).not.toMatch(/\u001b/);
            expect(result.stderr, args.join(' ')).toContain('\\x1b[');
        }
    });

    it('issue 10 item 12: a UTF-16 file is named as UTF-16 text, not binary', () => {
        const dir = scratch();
        const le = Buffer.from(SMALL, 'utf16le');
        const be = Buffer.from(le).swap16();
        writeFileSync(join(dir, 'le-bom.cycle'), Buffer.concat([Buffer.from([0xff, 0xfe]), le]));
        writeFileSync(join(dir, 'be-bom.cycle'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
        writeFileSync(join(dir, 'le.cycle'), le);
        writeFileSync(join(dir, 'be.cycle'), be);
        for (const name of ['le-bom.cycle', 'be-bom.cycle', 'le.cycle', 'be.cycle']) {
            const result = run(['check', name], dir);
            expect(result.status, name).toBe(2);
            expect(result.stderr, name).toContain(`cycle: ${name} is UTF-16 text; save it as UTF-8.`);
        }
        // A real binary file is still called binary.
        writeFileSync(join(dir, 'image.cycle'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
        expect(run(['check', 'image.cycle'], dir).stderr).toMatch(/looks like a binary file/);
    });

    it('issue 10 item 12: an unknown rule in cycle.config.json gets the nearest rule code', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'a.cycle'), SMALL);
        writeFileSync(join(dir, 'cycle.config.json'), JSON.stringify({ rules: { 'critcal-unmitigated': 'off', 'zzzz-qqqq-xxxx': 'off' } }));
        const result = run(['check', '.'], dir);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/unknown rule "critcal-unmitigated" \(did you mean "critical-unmitigated"\?\)/);
        expect(result.stderr).toMatch(/unknown rule "zzzz-qqqq-xxxx"\.$/m);
    });
});
