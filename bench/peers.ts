import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { generateCycle } from './generate-cycle.js';
import { runMeasured, USAGE_METHOD, type ChildUsage } from './peers-child-usage.js';
import { formatBytes, formatMs, formatRatio, largest, median, smallest } from './peers-stats.js';
import { printTable } from './run.js';

/**
 * `npm run bench -- --peers [--rounds N]`: `cycle render` next to mermaid-cli
 * (`mmdc`) on the same content (the Mermaid journey `cycle export --to mermaid`
 * writes), SVG and PNG, at 15 moments (the bank example) and 1,000 (generated), N
 * rounds interleaved: cycle, mmdc, cycle, mmdc… so that a machine busy with other
 * work slows both alike. mermaid-cli is never a dependency of this project: the bench
 * looks for it in CYCLE_BENCH_MMDC, on PATH, then in node_modules/.bin.
 */

export type Format = 'svg' | 'png';

export interface PeerWork {
    moments: number;
    format: Format;
    /** One entry per round; a failed run is left out (see `failures`). */
    cycle: ChildUsage[];
    mmdc: ChildUsage[];
    /** mmdc ÷ cycle wall time, per round where both succeeded. */
    ratios: number[];
    failures: string[];
    outputs: { cycle?: string; mmdc?: string };
}

export interface PeersReport {
    /** The mermaid-cli used, or undefined when none was found or it would not run. */
    mmdc: string | undefined;
    rounds: number;
    works: PeerWork[];
}

export interface PeerSummary {
    cycleWall: number; mmdcWall: number | undefined;
    ratio: number | undefined; ratioMin: number | undefined; ratioMax: number | undefined;
    cycleCpu: number | undefined; mmdcCpu: number | undefined;
    cyclePeak: number | undefined; mmdcPeak: number | undefined; mmdcLargest: number | undefined;
}

const INSTALL_HINT = [
    'mermaid-cli (mmdc) was not found: the side-by-side needs it, outside this project. To install it:',
    '  npm i -g @mermaid-js/mermaid-cli@11      # 11.x runs on Node 20; 12.x needs Node 22',
    '  (or: mkdir /tmp/mmdc && cd /tmp/mmdc && npm i @mermaid-js/mermaid-cli@11, then',
    '   CYCLE_BENCH_MMDC=/tmp/mmdc/node_modules/.bin/mmdc npm run bench -- --peers)',
    'It drives a headless Chrome through puppeteer. Where puppeteer cannot download its own (set',
    'PUPPETEER_SKIP_DOWNLOAD=1 when installing), use Debian\'s: apt-get install -y chromium, and a',
    'puppeteer config {"executablePath": "/usr/bin/chromium", "args": ["--no-sandbox"]} given with',
    '`mmdc -p FILE` — the bench writes one itself when /usr/bin/chromium exists, or takes yours from',
    'CYCLE_BENCH_PUPPETEER_CONFIG.'
].join('\n');

const CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function findMermaidCli(root: string): string | undefined {
    const fromEnv = process.env.CYCLE_BENCH_MMDC;
    if (fromEnv) {
        if (existsSync(fromEnv)) return fromEnv;
        console.log(`  CYCLE_BENCH_MMDC=${fromEnv} does not exist; looking on PATH.`);
    }
    for (const folder of (process.env.PATH ?? '').split(delimiter)) {
        if (folder && existsSync(join(folder, 'mmdc'))) return join(folder, 'mmdc');
    }
    const local = join(root, 'node_modules', '.bin', 'mmdc');
    return existsSync(local) ? local : undefined;
}

/** The last task's label of a Mermaid journey: an SVG that has it drew the whole journey. */
function lastTaskLabel(mermaid: string): string {
    const tasks = mermaid.split('\n').map(line => /^\s+(.+?):\s*\d+\s*:/.exec(line)?.[1]).filter(label => label !== undefined);
    return tasks[tasks.length - 1] ?? '';
}

function escapeXml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function pngSize(file: string): string | undefined {
    const bytes = readFileSync(file);
    if (bytes.length < 24 || bytes.toString('latin1', 1, 4) !== 'PNG') return undefined;
    return `${bytes.readUInt32BE(16)}×${bytes.readUInt32BE(20)} px`;
}

/** What a run wrote, or why it does not count: a failed run or an output that is not the diagram. */
function checkOutput(file: string, format: Format, mustContain: string | undefined): { describe: string } | { problem: string } {
    if (format === 'png') return checkPngs(file);
    if (!existsSync(file) || statSync(file).size === 0) return { problem: 'no output' };
    const text = readFileSync(file, 'utf8');
    if (!text.includes('<svg')) return { problem: 'not an SVG' };
    if (mustContain !== undefined && !text.includes(mustContain) && !text.includes(escapeXml(mustContain))) {
        return { problem: `the SVG lacks the last moment ("${mustContain}"): ${/Maximum text size[^<]*/.exec(text)?.[0] ?? 'not the whole diagram'}` };
    }
    return { describe: formatBytes(statSync(file).size) };
}

/**
 * cycle writes a diagram bigger than its pixel budget as pages, `x-01.png`,
 * `x-02.png`… in place of `x.png`: all of them are the output.
 */
function pngPages(file: string): string[] {
    if (existsSync(file)) return [file];
    const stem = basename(file, '.png');
    return readdirSync(dirname(file)).filter(name => name.startsWith(stem + '-') && /-\d+\.png$/.test(name)).sort().map(name => join(dirname(file), name));
}

function checkPngs(file: string): { describe: string } | { problem: string } {
    const pages = pngPages(file);
    if (pages.length === 0 || pages.some(page => statSync(page).size === 0)) return { problem: 'no output' };
    const sizes = pages.map(pngSize);
    if (sizes.some(size => size === undefined)) return { problem: 'not a PNG' };
    const bytes = formatBytes(pages.reduce((sum, page) => sum + statSync(page).size, 0));
    return { describe: pages.length === 1 ? `${sizes[0]}, ${bytes}` : `${pages.length} pages, the first ${sizes[0]}, ${bytes} in all` };
}

/** The outputs of an earlier round go first, so that a failed run cannot pass for a good one. */
function removeOutputs(file: string): void {
    for (const page of existsSync(dirname(file)) ? pngPages(file) : []) rmSync(page, { force: true });
    rmSync(file, { force: true });
}

interface Tools { cli: string; mmdc: string | undefined; mmdcArgs: string[] }

async function runCycle(tools: Tools, input: string, format: Format, output: string): Promise<ChildUsage> {
    return format === 'svg'
        ? runMeasured({ command: process.execPath, args: [tools.cli, 'render', input], stdoutFile: output })
        : runMeasured({ command: process.execPath, args: [tools.cli, 'render', input, '-o', output] });
}

async function runMmdc(tools: Tools, input: string, output: string): Promise<ChildUsage> {
    return runMeasured({ command: tools.mmdc!, args: [...tools.mmdcArgs, '-i', input, '-o', output] });
}

/**
 * Finds a mermaid-cli that runs: one probe on the bank journey (it also warms the
 * file cache for Chromium); where it cannot find a browser, once more pointed at a
 * system Chromium.
 */
async function prepareMermaidCli(tools: Tools, dir: string, probeInput: string): Promise<boolean> {
    if (!tools.mmdc) return false;
    const probe = async () => runMmdc(tools, probeInput, join(dir, 'probe.svg'));
    let result = await probe();
    const chromium = CHROMIUMS.find(path => existsSync(path));
    if (result.exitCode !== 0 && !process.env.CYCLE_BENCH_PUPPETEER_CONFIG && chromium) {
        const config = join(dir, 'puppeteer.json');
        writeFileSync(config, JSON.stringify({ executablePath: chromium, args: ['--no-sandbox'] }));
        tools.mmdcArgs.push('-p', config);
        console.log(`  mmdc found no browser of its own; using ${chromium} (puppeteer config ${JSON.stringify({ executablePath: chromium, args: ['--no-sandbox'] })}).`);
        result = await probe();
    }
    if (result.exitCode !== 0) {
        console.log(`  ${tools.mmdc} failed (exit ${result.exitCode}):\n${result.stderr.trim().split('\n').slice(-6).map(line => '    ' + line).join('\n')}`);
        return false;
    }
    return true;
}

export function summarise(work: PeerWork): PeerSummary {
    const wall = (runs: ChildUsage[]) => runs.length ? median(runs.map(r => r.wallMs)) : undefined;
    const cpu = (runs: ChildUsage[]) => runs.length && runs[0].cpuMs !== undefined ? median(runs.map(r => r.cpuMs!)) : undefined;
    const peak = (values: (number | undefined)[]) => values.length && values[0] !== undefined ? largest(values.map(v => v!)) : undefined;
    return {
        cycleWall: wall(work.cycle) ?? NaN, mmdcWall: wall(work.mmdc),
        ratio: work.ratios.length ? median(work.ratios) : undefined,
        ratioMin: work.ratios.length ? smallest(work.ratios) : undefined, ratioMax: work.ratios.length ? largest(work.ratios) : undefined,
        cycleCpu: cpu(work.cycle), mmdcCpu: cpu(work.mmdc),
        cyclePeak: peak(work.cycle.map(r => r.peakRssBytes)), mmdcPeak: peak(work.mmdc.map(r => r.peakRssBytes)),
        mmdcLargest: peak(work.mmdc.map(r => r.largestProcessBytes))
    };
}

function workName(work: { moments: number; format: Format }): string {
    return `${work.format.toUpperCase()}, ${work.moments.toLocaleString('en')} moments`;
}

function printPeers(report: PeersReport): void {
    const withPeer = report.mmdc !== undefined;
    const rows: string[][] = [withPeer
        ? ['work', 'cycle', 'mmdc', 'mmdc/cycle (min–max)', 'cycle CPU', 'mmdc CPU', 'cycle peak', 'mmdc peak (largest process)']
        : ['work', 'cycle', 'cycle CPU', 'cycle peak']];
    for (const work of report.works) {
        const s = summarise(work);
        rows.push(withPeer
            ? [workName(work), formatMs(s.cycleWall), formatMs(s.mmdcWall),
                s.ratio === undefined ? '—' : `${formatRatio(s.ratio)} (${formatRatio(s.ratioMin!)}–${formatRatio(s.ratioMax!)})`,
                formatMs(s.cycleCpu), formatMs(s.mmdcCpu), formatBytes(s.cyclePeak), `${formatBytes(s.mmdcPeak)} (${formatBytes(s.mmdcLargest)})`]
            : [workName(work), formatMs(s.cycleWall), formatMs(s.cycleCpu), formatBytes(s.cyclePeak)]);
    }
    printTable(rows);
    console.log('\noutputs (last round):');
    for (const work of report.works) {
        console.log(`  ${workName(work)}: cycle ${work.outputs.cycle ?? '—'}${withPeer ? `; mmdc ${work.outputs.mmdc ?? '—'}` : ''}`);
    }
    for (const work of report.works) for (const failure of work.failures) console.log(`  ${workName(work)}: ${failure}`);
    if (withPeer) {
        console.log('  (mmdc\'s PNG is a screenshot of its page, 800 px wide unless -w says otherwise: a journey wider than\n' +
            '  that is shrunk to fit; cycle\'s PNG is the whole diagram at its own scale. Compare the sizes above.)');
    }
    console.log(`\nwall and CPU: median of the rounds; mmdc/cycle: median of the per-round ratios of wall time, with the
smallest and largest; peak: the largest of the rounds.\n${USAGE_METHOD}`);
}

/** Runs the side-by-side (or cycle's half of it, without mermaid-cli) and prints it. */
export async function benchPeers(root: string, dir: string, rounds: number): Promise<PeersReport> {
    const tools: Tools = { cli: join(root, 'bin', 'cycle.cjs'), mmdc: findMermaidCli(root), mmdcArgs: ['-q'] };
    if (process.env.CYCLE_BENCH_PUPPETEER_CONFIG) tools.mmdcArgs.push('-p', process.env.CYCLE_BENCH_PUPPETEER_CONFIG);
    // Mermaid draws an error box instead of any diagram over 50,000 characters of text
    // (its maxTextSize); the 1,000-moment journey is 66 KB.
    const mermaidConfig = join(dir, 'mermaid.json');
    writeFileSync(mermaidConfig, JSON.stringify({ maxTextSize: 10_000_000 }));
    tools.mmdcArgs.push('-c', mermaidConfig);

    const inputs = [
        { moments: 15, cycleFile: join(root, 'examples', 'bank-check-cashing.cycle') },
        { moments: 1_000, cycleFile: join(dir, 'generated-1000.cycle') }
    ];
    writeFileSync(inputs[1].cycleFile, generateCycle(1_000));
    const prepared = inputs.map(input => {
        const mermaidFile = join(dir, basename(input.cycleFile, '.cycle') + '.mmd');
        const exported = spawnSync(process.execPath, [tools.cli, 'export', input.cycleFile, '--to', 'mermaid', '-o', mermaidFile], { encoding: 'utf8' });
        if (exported.status !== 0) throw new Error(`cycle export failed: ${exported.stderr}`);
        return { ...input, mermaidFile, lastLabel: lastTaskLabel(readFileSync(mermaidFile, 'utf8')) };
    });

    console.log(`\nside by side: cycle render and mermaid-cli on the same content (${rounds} round${rounds === 1 ? '' : 's'}, interleaved)\n`);
    const found = tools.mmdc;
    const runs = await prepareMermaidCli(tools, dir, prepared[0].mermaidFile);
    if (!runs) tools.mmdc = undefined;
    if (!found) console.log(INSTALL_HINT + '\n\ncycle\'s own numbers:\n');
    else if (!runs) console.log(`\n${INSTALL_HINT}\n\ncycle's own numbers:\n`);
    else {
        const version = spawnSync(tools.mmdc!, ['--version'], { encoding: 'utf8' }).stdout.trim();
        console.log(`  mermaid-cli ${version} (${tools.mmdc}), given \`cycle export FILE --to mermaid\` (a Mermaid journey)
  and ${tools.mmdcArgs.join(' ')}; cycle: \`cycle render FILE\` (SVG to standard output, the default clock view)
  and \`cycle render FILE -o x.png\`. 15 moments: examples/bank-check-cashing.cycle; 1,000: bench/generate-cycle.ts.
  load average before: ${loadavg().map(l => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs\n`);
    }

    const works: PeerWork[] = [];
    for (const input of prepared) for (const format of ['svg', 'png'] as const) {
        works.push({ moments: input.moments, format, cycle: [], mmdc: [], ratios: [], failures: [], outputs: {} });
    }
    // One warm-up run of cycle (mmdc's is the probe), then round after round of every work.
    await runCycle(tools, prepared[0].cycleFile, 'svg', join(dir, 'warm.svg'));
    for (let round = 0; round < rounds; round++) {
        for (const work of works) {
            const input = prepared.find(p => p.moments === work.moments)!;
            const cycleOut = join(dir, `cycle-${work.moments}.${work.format}`);
            removeOutputs(cycleOut);
            const cycleRun = await runCycle(tools, input.cycleFile, work.format, cycleOut);
            const cycleCheck = cycleRun.exitCode === 0 ? checkOutput(cycleOut, work.format, undefined) : { problem: `exit ${cycleRun.exitCode}: ${cycleRun.stderr.trim().slice(-300)}` };
            if ('problem' in cycleCheck) work.failures.push(`round ${round + 1}, cycle: ${cycleCheck.problem}`);
            else { work.cycle.push(cycleRun); work.outputs.cycle = cycleCheck.describe; }
            if (!tools.mmdc) continue;
            const mmdcOut = join(dir, `mmdc-${work.moments}.${work.format}`);
            removeOutputs(mmdcOut);
            const mmdcRun = await runMmdc(tools, input.mermaidFile, mmdcOut);
            const mmdcCheck = mmdcRun.exitCode === 0 ? checkOutput(mmdcOut, work.format, work.format === 'svg' ? input.lastLabel : undefined) : { problem: `exit ${mmdcRun.exitCode}: ${mmdcRun.stderr.trim().slice(-300)}` };
            if ('problem' in mmdcCheck) work.failures.push(`round ${round + 1}, mmdc: ${mmdcCheck.problem}`);
            else { work.mmdc.push(mmdcRun); work.outputs.mmdc = mmdcCheck.describe; }
            if (!('problem' in cycleCheck) && !('problem' in mmdcCheck)) work.ratios.push(mmdcRun.wallMs / cycleRun.wallMs);
        }
        process.stdout.write(`  round ${round + 1} of ${rounds} done (load average ${loadavg()[0].toFixed(1)})\n`);
    }
    const report: PeersReport = { mmdc: tools.mmdc, rounds, works };
    console.log('');
    printPeers(report);
    console.log(`load average after: ${loadavg().map(l => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs`);
    return report;
}
