/**
 * Property: any command line is handled. The built `cycle` command (bin/cycle.cjs)
 * runs with random arguments in a workspace of odd paths (a folder, a FIFO, a
 * symbolic-link loop, /dev/null, an empty path, a missing folder, `-o` onto an input,
 * unknown options). Then:
 * - it exits 0, 1 or 2, within the time limit, with no "internal error" and no stack trace;
 * - no file of the workspace is altered, deleted or left behind, except the declared
 *   `-o` target when it is not also an input, and the files `cycle fmt` rewrites into
 *   their canonical form.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { formatCycle } from '../../../src/format/format-cycle.js';
import { createCycleCoreServices } from '../../../src/model/services.js';
import { hasSyntaxErrors } from '../../../src/language/syntax-errors.js';
import { commandLine, PROJECT_ROOT } from '../generators.js';
import type { FuzzProperty } from '../runner.js';
import { stats } from '../stats.js';
import { changedPaths, cliWorkspace, fingerprint, removeFolder } from '../workspace.js';

const CLI = join(PROJECT_ROOT, 'bin', 'cycle.cjs');
export const CLI_TIME_LIMIT_MS = Number(process.env.FUZZ_CLI_TIME_LIMIT_MS ?? 15_000);

const services = createCycleCoreServices(EmptyFileSystem).Cycle;

/** The canonical form of a text, or null when it does not parse (fmt must leave it). */
function canonical(text: string): string | null {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text.replace(/^\uFEFF/, ''), URI.file('/fuzz/x.cycle'));
    if (hasSyntaxErrors(document)) return null;
    return formatCycle(text, services.parser.Lexer.tokenize(text));
}

/** Workspace paths named as written (`sub/`, `./good.cycle`), and where the links among them lead. */
function named(path: string): string[] {
    if (path === '' || path.startsWith('/')) return [];
    const plain = normalize(path).replace(/\/$/, '');
    return plain === 'link.cycle' ? [plain, 'good.cycle'] : [plain];
}

/** Which files the command may change: its `-o` targets that it does not also read. */
function allowedChanges(args: string[]): Set<string> {
    const targets: string[] = [];
    const inputs: string[] = [];
    for (let i = 0; i < args.length; i++) {
        if ((args[i] === '-o' || args[i] === '--output') && i + 1 < args.length) targets.push(...named(args[++i]));
        else inputs.push(...named(args[i]));
    }
    return new Set(targets.filter(t => !inputs.includes(t)));
}

export async function checkCommandLine(args: string[]): Promise<string[]> {
    const folder = cliWorkspace();
    try {
        const before = fingerprint(folder);
        const texts = new Map([...before].filter(([, print]) => print.startsWith('file')).map(([path]) => [path, readFileSync(join(folder, path), 'utf8')]));
        stats.cliRuns++;
        const run = spawnSync(process.execPath, [CLI, ...args], {
            cwd: folder, input: '', encoding: 'utf8', timeout: CLI_TIME_LIMIT_MS, killSignal: 'SIGKILL',
            env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', CYCLE_DEBUG: '' }, maxBuffer: 64 * 1024 * 1024
        });
        const what = `cycle ${args.map(a => JSON.stringify(a)).join(' ')}`;
        const problems: string[] = [];
        if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
            stats.exits++;
            problems.push(`${what} did not finish within ${CLI_TIME_LIMIT_MS / 1000} s`);
        } else if (run.signal) {
            stats.exits++;
            problems.push(`${what} was killed by ${run.signal}: ${run.stderr.substring(0, 300)}`);
        } else if (![0, 1, 2].includes(run.status!)) {
            stats.exits++;
            problems.push(`${what} exited ${run.status}, not 0, 1 or 2: ${run.stderr.substring(0, 300)}`);
        }
        if (/internal error|^\s+at\s+\S.*:\d+:\d+\)?\s*$|uncaught|unhandled/im.test(run.stderr ?? '')) {
            stats.unhandledExceptions++;
            problems.push(`${what} crashed: ${run.stderr.trim().substring(0, 400)}`);
        }
        const allowed = allowedChanges(args);
        const formats = args[0] === 'fmt' && !args.includes('--check');
        for (const { path, change } of changedPaths(before, fingerprint(folder))) {
            if (allowed.has(path)) continue;
            if (formats && change === 'altered' && path.endsWith('.cycle') && texts.has(path)) {
                const expected = canonical(texts.get(path)!);
                if (expected !== null && readFileSync(join(folder, path), 'utf8') === expected) continue;
            }
            stats.alteredFiles++;
            problems.push(`${what} ${change === 'created' ? 'left behind' : change} ${path}${change === 'altered' ? ` (${before.get(path)} → ${fingerprint(folder).get(path) ?? 'gone'})` : ''}`);
        }
        return problems;
    } finally {
        removeFolder(folder);
    }
}

export const cliArguments: FuzzProperty<string[]> = {
    name: 'cli: random arguments and special files',
    arbitrary: commandLine,
    check: checkCommandLine,
    show: args => `cd <workspace> && cycle ${args.map(a => JSON.stringify(a)).join(' ')}`
};
