import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printTable } from './run.js';

// How long a whole `cycle` process takes, as a user or a script running it sees it:
// Node's own start, loading the code the command needs, building the parser, the work.

/**
 * Rounds of one run of each command (interleaved), so that a machine getting busier
 * or quieter during the bench changes every row alike.
 */
const ROUNDS = 15;

interface StartupCommand {
    readonly label: string;
    readonly args: readonly string[];
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The CPU time of this process's finished children in ms, where Linux tells it
 * (/proc/self/stat, in clock ticks: 100 a second on Linux); undefined elsewhere. On a
 * busy machine the CPU a command used varies less than its wall time.
 */
function childrenCpu(): number | undefined {
    if (!existsSync('/proc/self/stat')) return undefined;
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10; // cutime + cstime
}

interface Run {
    wall: number;
    cpu: number | undefined;
}

/** Runs one process to its end and measures it; a failing command stops the bench. */
function runOnce(args: readonly string[], cwd: string): Run {
    const cpuBefore = childrenCpu();
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const wall = performance.now() - started;
    const cpuAfter = childrenCpu();
    // `check` exits 1 when the file has findings; anything else means the command did not run.
    if (result.error || (result.status !== 0 && result.status !== 1) || result.stderr.includes('internal error')) {
        throw new Error(`node ${args.join(' ')} failed (exit ${result.status}): ${result.error?.message ?? result.stderr}`);
    }
    return { wall, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

/**
 * `node -e 0` and the commands people run most, median wall time each and what the
 * command costs on top of a bare Node. `CYCLE_BENCH_OTHER=/path/to/bin/cycle.cjs`
 * adds the same commands for another build (say, a checkout of main), interleaved
 * with these, to compare two builds on a busy machine.
 */
export async function benchStartup(root: string): Promise<void> {
    const example = join(root, 'examples', 'bank-check-cashing.cycle');
    const builds: [string, string][] = [['', join(root, 'bin', 'cycle.cjs')]];
    if (process.env.CYCLE_BENCH_OTHER) builds.push([' (other)', process.env.CYCLE_BENCH_OTHER]);
    const commands: StartupCommand[] = [{ label: 'node -e 0', args: ['-e', '0'] }];
    for (const [suffix, bin] of builds) {
        commands.push(
            { label: `cycle --version${suffix}`, args: [bin, '--version'] },
            { label: `cycle render bank (SVG)${suffix}`, args: [bin, 'render', example] },
            { label: `cycle check bank${suffix}`, args: [bin, 'check', example] }
        );
    }
    const runs = commands.map(() => [] as Run[]);
    for (const command of commands) runOnce(command.args, root); // warm the file cache
    for (let round = 0; round < ROUNDS; round++) {
        commands.forEach((command, i) => runs[i].push(runOnce(command.args, root)));
    }
    const wall = (i: number) => median(runs[i].map(r => r.wall));
    const cpu = (i: number) => runs[i].every(r => r.cpu !== undefined) ? median(runs[i].map(r => r.cpu!)) : undefined;
    const rows = [['command', 'wall (median)', 'over node -e 0', 'fastest', 'CPU (median)', 'CPU over node -e 0']];
    commands.forEach((command, i) => {
        const c = cpu(i);
        const bareCpu = cpu(0);
        rows.push([
            command.label, `${wall(i).toFixed(0)} ms`, i === 0 ? '' : `${(wall(i) - wall(0)).toFixed(0)} ms`,
            `${Math.min(...runs[i].map(r => r.wall)).toFixed(0)} ms`,
            c === undefined ? '-' : `${c} ms`, i === 0 || c === undefined || bareCpu === undefined ? '' : `${c - bareCpu} ms`
        ]);
    });
    console.log(`\nstart-up: whole \`cycle\` processes, median of ${ROUNDS} interleaved rounds (Node ${process.version}; CPU in 10 ms ticks)\n`);
    printTable(rows);
}
