import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCycle } from './generate-cycle.js';
import { runMeasured, USAGE_METHOD } from './peers-child-usage.js';
import { formatBytes, formatMs, largest, median } from './peers-stats.js';
import { printTable } from './run.js';

/**
 * `cycle check` as users run it: a child process of the built CLI on a generated
 * file of 10,000 and of 100,000 moments, its CPU time (user + system, every thread:
 * start-up, parse, link, validate, garbage collection) and its peak memory.
 */
export interface CheckScale { moments: number; bytes: number; cpuMs: number | undefined; wallMs: number; peakBytes: number | undefined; runs: number }

const SIZES: { moments: number; runs: number }[] = [{ moments: 10_000, runs: 5 }, { moments: 100_000, runs: 3 }];

export async function benchCheckScale(root: string, dir: string): Promise<CheckScale[]> {
    console.log('\ncycle check in a child process of the built CLI (bin/cycle.cjs), generated files\n');
    const results: CheckScale[] = [];
    for (const { moments, runs } of SIZES) {
        const file = join(dir, `check-${moments}.cycle`);
        const text = generateCycle(moments);
        writeFileSync(file, text);
        const cpu: number[] = [];
        const wall: number[] = [];
        const peaks: number[] = [];
        for (let run = 0; run < runs; run++) {
            const usage = await runMeasured({ command: process.execPath, args: [join(root, 'bin', 'cycle.cjs'), 'check', file] });
            // 1 would be findings, which the generated cycle has none of: anything else is a crash.
            if (usage.exitCode !== 0) throw new Error(`cycle check of ${moments} moments exited ${usage.exitCode}: ${usage.stderr.slice(-500)}`);
            wall.push(usage.wallMs);
            if (usage.cpuMs !== undefined) cpu.push(usage.cpuMs);
            if (usage.peakRssBytes !== undefined) peaks.push(usage.peakRssBytes);
        }
        results.push({
            moments, bytes: Buffer.byteLength(text), runs, wallMs: median(wall),
            cpuMs: cpu.length ? median(cpu) : undefined, peakBytes: peaks.length ? largest(peaks) : undefined
        });
    }
    const rows = [['moments', 'size', 'runs', 'CPU (user + system)', 'wall', 'peak memory']];
    for (const r of results) {
        rows.push([r.moments.toLocaleString('en'), formatBytes(r.bytes), String(r.runs), formatMs(r.cpuMs), formatMs(r.wallMs), formatBytes(r.peakBytes)]);
    }
    printTable(rows);
    console.log(`\nCPU and wall: median of the runs; peak: the largest.\n${USAGE_METHOD}`);
    return results;
}
