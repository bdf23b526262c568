import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCycle } from './generate-cycle.js';
import { printTable } from './run.js';

/**
 * `cycle render -o x.png` as a user runs it: the built CLI in a process of its own,
 * for the bank example (15 moments) and generated cycles of 200 and 1,000 moments,
 * in each view. Prints the wall time and the peak memory (resident set) of the whole
 * process, which a preloaded script reports as the process ends: Node tells a parent
 * nothing of its child's memory.
 */
const VIEWS = ['clock', 'blueprint', 'journey'] as const;

/** Loaded into the CLI with --require: writes the process's peak resident set, in KB, to the file it is given. */
const REPORT_PEAK = "process.on('exit', () => require('node:fs').writeFileSync(process.env.CYCLE_BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS)));\n";

interface Rendered { seconds: number; peakMb: number; pages: number; pixels: string }

function pngSize(file: string): { width: number; height: number } {
    const bytes = readFileSync(file);
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function render(cli: string, preload: string, file: string, view: string, folder: string): Rendered {
    const out = join(folder, 'out');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    const peakFile = join(folder, 'peak');
    const started = performance.now();
    const result = spawnSync(process.execPath, ['--require', preload, cli, 'render', file, '--view', view, '-o', join(out, 'x.png')], {
        encoding: 'utf8', env: { ...process.env, CYCLE_BENCH_PEAK_FILE: peakFile }
    });
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`cycle render ${file} --view ${view} failed: ${result.stderr}`);
    const pages = readdirSync(out).filter(name => name.endsWith('.png'));
    const largest = pages.map(name => pngSize(join(out, name))).sort((a, b) => b.width * b.height - a.width * a.height)[0];
    return {
        seconds, peakMb: Number(readFileSync(peakFile, 'utf8')) / 1024, pages: pages.length,
        pixels: `${largest.width.toLocaleString('en')} × ${largest.height.toLocaleString('en')}`
    };
}

export function benchPng(root: string): void {
    const folder = mkdtempSync(join(tmpdir(), 'cycle-bench-png-'));
    try {
        const preload = join(folder, 'report-peak.cjs');
        writeFileSync(preload, REPORT_PEAK);
        const cycles: [string, string][] = [['15 (bank example)', join(root, 'examples', 'bank-check-cashing.cycle')]];
        for (const moments of [200, 1_000]) {
            const file = join(folder, `${moments}.cycle`);
            writeFileSync(file, generateCycle(moments));
            cycles.push([moments.toLocaleString('en'), file]);
        }
        const rows: string[][] = [['moments', 'view', 'wall time', 'peak memory', 'PNGs', 'largest PNG (px)']];
        for (const [label, file] of cycles) {
            for (const view of VIEWS) {
                const r = render(join(root, 'bin', 'cycle.cjs'), preload, file, view, folder);
                rows.push([label, view, `${r.seconds.toFixed(1)} s`, `${r.peakMb.toFixed(0)} MB`, String(r.pages), r.pixels]);
            }
        }
        console.log('\ncycle render -o x.png: the whole CLI process, one run each (peak memory: resident set)\n');
        printTable(rows);
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}
