import '../src/preludes/young-generation.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchKeystrokes, printWorkerRatio } from './keystroke.js';
import { benchCheckScale } from './peers-check-scale.js';
import { printGoals } from './peers-goals.js';
import { benchPeers } from './peers.js';
import { benchPlayground, canBenchPlayground } from './playground.js';
import { benchPng } from './png.js';
import { benchPreview, benchPreviewEndToEnd } from './preview.js';
import { benchResults } from './results.js';
import { benchCheck } from './run.js';
import { benchStartup } from './startup.js';

/** `--rounds N`: rounds of the side-by-side (5 unless given). */
function rounds(): number {
    const at = process.argv.indexOf('--rounds');
    const value = at >= 0 ? Number(process.argv[at + 1]) : 5;
    if (!Number.isInteger(value) || value < 1) throw new Error('--rounds takes a whole number of rounds, 1 or more');
    return value;
}

/**
 * Every benchmark, one after the other; each prints its own table, and the goals of
 * issue 12 are judged at the end on this run's figures. `--peers` adds the
 * side-by-side with mermaid-cli; `--keystrokes-only` leaves out the check benches;
 * `--peers-only` runs the side-by-side alone; `--playground` runs only the
 * playground's (in headless Chromium); `--results-only` runs only the survey results
 * bench (issue 15: 100,000 respondents read and analysed).
 */
async function main(): Promise<void> {
    const root = join(__dirname, '..');
    if (process.argv.includes('--png-only')) return benchPng(root);
    if (process.argv.includes('--results-only')) return benchResults();
    if (process.argv.includes('--playground')) {
        await benchPlayground(root);
        return;
    }
    const keystrokesOnly = process.argv.includes('--keystrokes-only');
    const peerRounds = rounds();
    const dir = mkdtempSync(join(tmpdir(), 'cycle-bench-'));
    try {
        if (process.argv.includes('--peers-only')) {
            printGoals({ keystrokes: undefined, checkScale: undefined, peers: await benchPeers(root, dir, peerRounds) });
            return;
        }
        if (!keystrokesOnly) {
            await benchCheck();
            benchResults();
            await benchStartup(root);
        }
        const keystrokes = await benchKeystrokes();
        // Issue 13: the Web Worker of VS Code for the Web and the playground, on the same edits.
        printWorkerRatio(keystrokes, await benchKeystrokes(undefined, 'web-worker'));
        await benchPreview();
        if (!keystrokesOnly) benchPng(root);
        await benchPreviewEndToEnd(root);
        // The playground when Chromium is here (`--playground` runs only this).
        if (canBenchPlayground(root)) await benchPlayground(root);
        const checkScale = keystrokesOnly ? undefined : await benchCheckScale(root, dir);
        const peers = process.argv.includes('--peers') ? await benchPeers(root, dir, peerRounds) : undefined;
        printGoals({ keystrokes, checkScale, peers });
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

main().catch(error => {
    console.error(error);
    process.exitCode = 1;
});
