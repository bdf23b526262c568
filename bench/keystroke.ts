import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { EmptyFileSystem } from 'langium';
import { createProtocolConnection, PortMessageReader, PortMessageWriter, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { createCycleCoreServices } from '../src/model/services.js';
import { generateCycle } from './generate-cycle.js';
import { printTable } from './run.js';
import { startWebWorkerThread } from './web-worker-thread.js';

/**
 * Keystroke → diagnostics published, through the real language server process over
 * stdio, for cycles of 1 (the fixed cost), 50, 200 and 1,000 moments: each
 * "keystroke" is an incremental change of one character in a label in the middle of
 * the file, as editors send it, and waits for the diagnostics of that version.
 * Printed next to a bare parse of the same text, in this process.
 */
const SIZES = process.env.CYCLE_BENCH_SIZES ? process.env.CYCLE_BENCH_SIZES.split(',').map(Number) : [1, 50, 200, 1_000];
const EDITS = Number(process.env.CYCLE_BENCH_EDITS ?? 40);

function percentile(values: number[], p: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/** One size's figures, for the goals table. */
export interface KeystrokeResult { moments: number; parseMs: number; medianMs: number; p95Ms: number }

/** The server to measure: the Node process over stdio, or the browser bundle in a worker thread dressed as a Web Worker. */
export type KeystrokeServer = 'process' | 'web-worker';

function startServer(kind: KeystrokeServer, serverPath: string): { connection: ProtocolConnection; stop: () => Promise<unknown> } {
    if (kind === 'web-worker') {
        const worker = startWebWorkerThread(join(__dirname, 'browser', 'server-worker.js'));
        worker.stderr.pipe(process.stderr);
        return { connection: createProtocolConnection(new PortMessageReader(worker), new PortMessageWriter(worker)), stop: () => worker.terminate() };
    }
    const profile = process.env.CYCLE_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CYCLE_BENCH_PROFILE}`] : [];
    const extra = process.env.CYCLE_BENCH_SERVER_ARGS ? process.env.CYCLE_BENCH_SERVER_ARGS.split(' ') : [];
    const child = spawn(process.execPath, [...profile, ...extra, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise(resolve => child.once('exit', resolve));
    return {
        connection: createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin)),
        stop: async () => {
            await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 3000))]);
            child.kill();
        }
    };
}

export async function benchKeystrokes(serverPath = join(__dirname, 'server.cjs'), kind: KeystrokeServer = 'process'): Promise<KeystrokeResult[]> {
    const { connection, stop } = startServer(kind, serverPath);
    let onPublish: ((uri: string, version: number | undefined) => void) | undefined;
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => onPublish?.(p.uri, p.version));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    const parser = createCycleCoreServices(EmptyFileSystem).Cycle.parser.LangiumParser;
    const rows: string[][] = [['moments', 'lines', 'bare parse (median)', 'keystroke → diagnostics (median)', 'p95', 'median / parse', 'above 1 moment / parse']];
    const measured: { size: number; lines: number; textFor: (i: number) => string; latencies: number[] }[] = [];
    for (const size of SIZES) {
        const uri = `file:///bench/keystroke-${size}.cycle`;
        const base = generateCycle(size);
        const marker = base.indexOf(`"Step ${Math.floor(size / 2)}:`);
        const textFor = (i: number) => base.substring(0, marker + 1) + 'abcdefghij'[i % 10] + base.substring(marker + 1);
        const before = base.substring(0, marker + 1).split('\n');
        const at = { line: before.length - 1, character: before[before.length - 1].length };
        const waitFor = (version: number) => new Promise<void>(resolve => {
            onPublish = (u, v) => { if (u === uri && (v === undefined || v >= version)) resolve(); };
        });
        let ready = waitFor(1);
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cycle', version: 1, text: base } });
        await ready;
        const latencies: number[] = [];
        for (let i = 0; i < EDITS; i++) {
            const version = i + 2;
            ready = waitFor(version);
            const started = performance.now();
            // As an editor sends it: the one character typed (replacing the previous one).
            const range = { start: at, end: i === 0 ? at : { line: at.line, character: at.character + 1 } };
            await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: 'abcdefghij'[i % 10] }] });
            await ready;
            latencies.push(performance.now() - started);
            await new Promise(r => setTimeout(r, 20)); // a typist's pause: each keystroke is measured alone
        }
        measured.push({ size, lines: base.split('\n').length, textFor, latencies });
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await stop();
    connection.dispose();
    // The bare parses, once the server is gone, so the two do not compete for the CPU.
    // A one-moment cycle gives the fixed cost of a keystroke (two processes, stdio,
    // JSON both ways): what the server adds per moment is the median above it.
    const floor = measured.find(m => m.size === 1);
    const floorMedian = floor ? percentile(floor.latencies.slice(3), 0.5) : 0;
    const results: KeystrokeResult[] = [];
    for (const { size, lines, textFor, latencies } of measured) {
        const parses: number[] = [];
        for (let i = 0; i < 33; i++) {
            const started = performance.now();
            parser.parse(textFor(i));
            parses.push(performance.now() - started);
        }
        const parse = percentile(parses.slice(3), 0.5);
        const median = percentile(latencies.slice(3), 0.5);
        results.push({ moments: size, parseMs: parse, medianMs: median, p95Ms: percentile(latencies.slice(3), 0.95) });
        rows.push([size.toLocaleString('en'), String(lines), `${parse.toFixed(1)} ms`, `${median.toFixed(1)} ms`,
            `${percentile(latencies.slice(3), 0.95).toFixed(1)} ms`, `${(median / parse).toFixed(2)}×`,
            floor && size !== 1 ? `${((median - floorMedian) / parse).toFixed(2)}×` : '']);
    }
    console.log(kind === 'process'
        ? '\nlanguage server: keystroke → diagnostics published (over stdio, ' + EDITS + ' edits each)\n'
        : '\nlanguage server, browser bundle in a worker thread as a Web Worker: keystroke → diagnostics published (' + EDITS + ' edits each)\n');
    printTable(rows);
    return results;
}

/** Issue 13's budget: the Web Worker's keystroke → diagnostics within 1.5× of the Node server's. */
export function printWorkerRatio(node: readonly KeystrokeResult[], worker: readonly KeystrokeResult[]): void {
    const rows: string[][] = [['moments', 'Node server (median)', 'Web Worker (median)', 'worker / Node', 'budget ≤1.5×']];
    for (const inNode of node) {
        const inWorker = worker.find(result => result.moments === inNode.moments);
        if (!inWorker) continue;
        const ratio = inWorker.medianMs / inNode.medianMs;
        rows.push([inNode.moments.toLocaleString('en'), `${inNode.medianMs.toFixed(1)} ms`, `${inWorker.medianMs.toFixed(1)} ms`, `${ratio.toFixed(2)}×`, ratio <= 1.5 ? 'met' : 'MISSED']);
    }
    console.log('\nkeystroke → diagnostics: the Web Worker beside the Node server\n');
    printTable(rows);
}
