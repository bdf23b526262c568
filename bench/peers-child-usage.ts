import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';

/**
 * Wall time, CPU time and peak memory of a child process and everything it starts
 * (for mermaid-cli: Node, then Chromium's browser, zygote, GPU and renderer
 * processes). Node gives no resource usage of a child, and `/usr/bin/time` reports
 * the largest single process rather than the tree, so this reads Linux's /proc:
 *
 * - peak memory: every 25 ms, the sum of the resident set (VmRSS) of the child and
 *   all its descendants; the figure is the largest such sum, or the largest single
 *   process's own high-water mark (VmHWM, kept by the kernel) if that is higher (so
 *   a one-process tool such as `cycle` gets its exact peak even between samples).
 *   Pages shared between processes (libraries, Chromium's shared memory) count
 *   once per process, so a many-process tree is overstated (proportional set
 *   sizes would be fairer, but reading smaps_rollup of Chromium's processes takes
 *   30–100 ms a sample, which would slow the tool being measured); the largest
 *   single process's peak is kept as well, as a floor;
 * - CPU time: user + system time of the reaped child and what it reaped in turn
 *   (this process's cutime + cstime in /proc/self/stat, before and after), or the
 *   sum of the last sampled utime + stime of each process of the tree if that is
 *   higher (a process orphaned before it was reaped is missing from the first);
 * - wall time: from spawn to exit, seen from here (start-up included, as a user
 *   waits for it).
 *
 * Elsewhere than Linux only wall time is measured.
 */
export const USAGE_METHOD = [
    'wall: spawn → exit, start-up included. CPU: user + system of the whole process tree (the reaped',
    'children\'s times in /proc/self/stat, or the sum of the sampled /proc/PID/stat of each process).',
    'Peak memory: the largest sum of the resident sets (VmRSS) of the process and all its descendants,',
    'sampled every 25 ms from /proc (or one process\'s own kernel-kept high-water mark VmHWM if higher);',
    'shared pages count once per process, which overstates a many-process tree such as Chromium\'s:',
    'the largest single process\'s peak (what /usr/bin/time -v reports) is printed next to it as a floor.'
].join('\n');

export interface ChildUsage {
    wallMs: number;
    /** undefined where /proc is not available. */
    cpuMs: number | undefined;
    /** The tree's peak: the largest sampled sum of resident sets (see above). */
    peakRssBytes: number | undefined;
    /** The largest single process's high-water mark (what `/usr/bin/time` reports). */
    largestProcessBytes: number | undefined;
    exitCode: number | null;
    stderr: string;
}

export interface ChildCommand {
    command: string;
    args: string[];
    /** The child's standard output goes to this file (else it is dropped). */
    stdoutFile?: string;
    cwd?: string;
}

// Each sample lists /proc and reads two files per process of the tree: about 1 ms on the
// 2-core development machine, so 4–6% of one core at this rate, for both tools alike.
const SAMPLE_MS = 25;
const PROC = '/proc';
const canSample = process.platform === 'linux' && existsSync(`${PROC}/self/stat`);
/** /proc counts CPU time in clock ticks (USER_HZ, 100 on nearly every Linux). */
const TICKS_PER_SECOND = canSample ? Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100 : 100;

interface Stat { ppid: number; ownTicks: number; childTicks: number }

/** Fields of /proc/PID/stat after the command name (which may hold spaces and parentheses). */
function readStat(pid: number | 'self'): Stat | undefined {
    let text: string;
    try { text = readFileSync(`${PROC}/${pid}/stat`, 'latin1'); } catch { return undefined; }
    const fields = text.substring(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state) of proc(5): ppid 4, utime 14, stime 15, cutime 16, cstime 17.
    return { ppid: Number(fields[1]), ownTicks: Number(fields[11]) + Number(fields[12]), childTicks: Number(fields[13]) + Number(fields[14]) };
}

/** VmRSS and VmHWM of /proc/PID/status, in bytes (kernel threads and zombies have none). */
function readMemory(pid: number): { rss: number; hwm: number } | undefined {
    let text: string;
    try { text = readFileSync(`${PROC}/${pid}/status`, 'latin1'); } catch { return undefined; }
    const kB = (key: string) => Number(new RegExp(`^${key}:\\s*(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
    return { rss: kB('VmRSS'), hwm: kB('VmHWM') };
}

function numericEntries(): number[] {
    const pids: number[] = [];
    for (const name of readdirSync(PROC)) if (/^\d+$/.test(name)) pids.push(Number(name));
    return pids;
}

/** Follows a process tree: which processes descend from the root, and what they use. */
class TreeSampler {
    private readonly members = new Set<number>();
    /** Processes that are not descendants; a process's parent never changes to one of ours later. */
    private readonly strangers: Set<number>;
    private readonly ticks = new Map<number, number>();
    private readonly highWater = new Map<number, number>();
    peakSum = 0;

    constructor(root: number, before: Set<number>) {
        this.members.add(root);
        this.strangers = before;
    }

    sample(): void {
        const newcomers = new Map<number, number>();
        for (const pid of numericEntries()) {
            if (this.members.has(pid) || this.strangers.has(pid)) continue;
            const stat = readStat(pid);
            if (stat) newcomers.set(pid, stat.ppid);
        }
        // Parents before children, whatever the order /proc listed them in.
        for (let grew = true; grew;) {
            grew = false;
            for (const [pid, ppid] of newcomers) {
                if (this.members.has(ppid)) { this.members.add(pid); newcomers.delete(pid); grew = true; }
            }
        }
        for (const pid of newcomers.keys()) this.strangers.add(pid);
        let sum = 0;
        for (const pid of this.members) {
            const stat = readStat(pid);
            const memory = readMemory(pid);
            if (stat) this.ticks.set(pid, stat.ownTicks);
            if (memory) {
                sum += memory.rss;
                this.highWater.set(pid, Math.max(this.highWater.get(pid) ?? 0, memory.hwm));
            }
        }
        this.peakSum = Math.max(this.peakSum, sum);
    }

    /** The largest single process's own peak: the floor of what the tree took at once. */
    largestBytes(): number {
        let peak = 0;
        for (const value of this.highWater.values()) peak = Math.max(peak, value);
        return peak;
    }

    sampledTicks(): number {
        let total = 0;
        for (const value of this.ticks.values()) total += value;
        return total;
    }
}

/** Runs one command to its end and measures it (see above). */
export function runMeasured({ command, args, stdoutFile, cwd }: ChildCommand): Promise<ChildUsage> {
    const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
    const before = canSample ? new Set(numericEntries()) : new Set<number>();
    const childTicksBefore = canSample ? readStat('self')?.childTicks ?? 0 : 0;
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', out, 'pipe'] });
    if (typeof out === 'number') closeSync(out); // the child has its own copy
    const sampler = canSample && child.pid !== undefined ? new TreeSampler(child.pid, before) : undefined;
    sampler?.sample();
    const timer = sampler ? setInterval(() => sampler.sample(), SAMPLE_MS) : undefined;
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-8000); });
    return new Promise((resolve, reject) => {
        child.once('error', error => {
            clearInterval(timer);
            reject(error);
        });
        child.once('exit', (exitCode: number | null) => {
            const wallMs = performance.now() - started;
            clearInterval(timer);
            let cpuMs: number | undefined;
            if (sampler) {
                const reaped = (readStat('self')?.childTicks ?? 0) - childTicksBefore;
                cpuMs = Math.max(reaped, sampler.sampledTicks()) * 1000 / TICKS_PER_SECOND;
            }
            const done = () => resolve({
                wallMs, cpuMs, exitCode, stderr,
                peakRssBytes: sampler && Math.max(sampler.peakSum, sampler.largestBytes()), largestProcessBytes: sampler?.largestBytes()
            });
            // The rest of standard error, unless a leftover grandchild keeps the pipe open.
            const late = setTimeout(done, 2000);
            child.once('close', () => { clearTimeout(late); done(); });
        });
    });
}
