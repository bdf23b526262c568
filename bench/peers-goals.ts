import type { KeystrokeResult } from './keystroke.js';
import type { CheckScale } from './peers-check-scale.js';
import { summarise, type Format, type PeersReport } from './peers.js';
import { formatBytes, formatMs, formatRatio, MB } from './peers-stats.js';

/**
 * The goals of issue 12 ("Speed"), each judged on this run's figures: met, not met,
 * or not measured (and why). A goal is a claim about the machine the bench ran on;
 * on a busy machine the figures move from run to run.
 */
export interface GoalInputs {
    keystrokes: KeystrokeResult[] | undefined;
    checkScale: CheckScale[] | undefined;
    peers: PeersReport | undefined;
}

type Verdict = 'met' | 'not met' | 'not measured';
interface Goal { goal: string; measured: string; verdict: Verdict }

function notMeasured(goal: string, why: string): Goal {
    return { goal, measured: why, verdict: 'not measured' };
}

function fasterGoal(peers: PeersReport | undefined, format: Format, moments: number, times: number): Goal {
    const goal = `${format.toUpperCase()} ≥${times}× faster than mmdc, ${moments.toLocaleString('en')} moments`;
    if (!peers) return notMeasured(goal, 'run with --peers');
    if (!peers.mmdc) return notMeasured(goal, 'mermaid-cli not installed');
    const work = peers.works.find(w => w.format === format && w.moments === moments);
    const s = work && summarise(work);
    if (!s || s.ratio === undefined) return notMeasured(goal, 'no round where both succeeded');
    return {
        goal,
        measured: `${formatRatio(s.ratio)} (rounds ${formatRatio(s.ratioMin!)}–${formatRatio(s.ratioMax!)}; ${formatMs(s.cycleWall)} vs ${formatMs(s.mmdcWall)})`,
        verdict: s.ratio >= times ? 'met' : 'not met'
    };
}

function pngMemoryGoal(peers: PeersReport | undefined): Goal {
    const goal = 'PNG peak memory ≤300 MB, 1,000 moments';
    if (!peers) return notMeasured(goal, 'run with --peers');
    const work = peers.works.find(w => w.format === 'png' && w.moments === 1_000);
    const peak = work && summarise(work).cyclePeak;
    if (peak === undefined) return notMeasured(goal, 'no successful run, or no /proc');
    return { goal, measured: `${formatBytes(peak)} (largest of ${work!.cycle.length} runs)`, verdict: peak <= 300 * MB ? 'met' : 'not met' };
}

function keystrokeGoal(keystrokes: KeystrokeResult[] | undefined, moments: number, times: number): Goal {
    const goal = `keystroke → diagnostics ≤${times}× the bare parse, ${moments.toLocaleString('en')} moments`;
    const k = keystrokes?.find(r => r.moments === moments);
    if (!k) return notMeasured(goal, keystrokes ? `size not in CYCLE_BENCH_SIZES` : 'keystroke bench not run');
    const ratio = k.medianMs / k.parseMs;
    return { goal, measured: `${ratio.toFixed(2)}× (${k.medianMs.toFixed(1)} ms vs ${k.parseMs.toFixed(1)} ms)`, verdict: ratio <= times ? 'met' : 'not met' };
}

function checkGoals(scale: CheckScale[] | undefined): Goal[] {
    const tenK = scale?.find(s => s.moments === 10_000);
    const hundredK = scale?.find(s => s.moments === 100_000);
    const goals: Goal[] = [];
    const cpuGoal = '`cycle check` of 10,000 moments: CPU ≤1.5 s';
    goals.push(tenK?.cpuMs === undefined
        ? notMeasured(cpuGoal, scale ? 'no /proc here' : 'not run (--keystrokes-only)')
        : { goal: cpuGoal, measured: `${formatMs(tenK.cpuMs)} CPU (wall ${formatMs(tenK.wallMs)})`, verdict: tenK.cpuMs <= 1500 ? 'met' : 'not met' });
    const growthGoal = '`cycle check` of 100,000 moments: CPU ≤10× the 10,000';
    goals.push(tenK?.cpuMs === undefined || hundredK?.cpuMs === undefined
        ? notMeasured(growthGoal, scale ? 'no /proc here' : 'not run (--keystrokes-only)')
        : {
            goal: growthGoal, measured: `${(hundredK.cpuMs / tenK.cpuMs).toFixed(1)}× (${formatMs(hundredK.cpuMs)} CPU)`,
            verdict: hundredK.cpuMs <= 10 * tenK.cpuMs ? 'met' : 'not met'
        });
    const memoryGoal = '`cycle check` of 100,000 moments: peak memory ≤1 GB';
    goals.push(hundredK?.peakBytes === undefined
        ? notMeasured(memoryGoal, scale ? 'no /proc here' : 'not run (--keystrokes-only)')
        : { goal: memoryGoal, measured: formatBytes(hundredK.peakBytes), verdict: hundredK.peakBytes <= 1024 * MB ? 'met' : 'not met' });
    return goals;
}

export function printGoals({ keystrokes, checkScale, peers }: GoalInputs): void {
    const goals: Goal[] = [
        fasterGoal(peers, 'svg', 15, 10),
        fasterGoal(peers, 'svg', 1_000, 20),
        fasterGoal(peers, 'png', 1_000, 10),
        pngMemoryGoal(peers),
        keystrokeGoal(keystrokes, 50, 2),
        keystrokeGoal(keystrokes, 200, 2),
        keystrokeGoal(keystrokes, 1_000, 1.5),
        ...checkGoals(checkScale)
    ];
    console.log('\ngoals of issue 12, judged on this run (wall-time ratios are medians of interleaved rounds; MB = 2^20 bytes)\n');
    const rows = [['goal', 'this run', 'verdict'], ...goals.map(g => [g.goal, g.measured, g.verdict])];
    const widths = rows[0].map((_, c) => Math.max(...rows.map(row => row[c].length)));
    for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
}
