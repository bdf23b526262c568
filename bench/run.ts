import '../src/preludes/node20-polyfill.cjs';
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { createCycleCoreServices } from '../src/model/services.js';
import { generateCycle } from './generate-cycle.js';

/**
 * `npm run bench`: prints numbers, asserts nothing. Runs from the esbuild bundle
 * (dist/bench.cjs), like the shipped CLI and server. For each size: a bare parse
 * (lexer + parser) of the text, then the full check (parse, index, link, validate
 * with every rule), median of several runs after a warm-up.
 */
const SIZES = [100, 1_000, 10_000];

/** A full collection when the bench runs with --expose-gc (npm run bench does). */
function collectGarbage(): void {
    (globalThis as { gc?: () => void }).gc?.();
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

const PHASES: [DocumentState, string][] = [
    [DocumentState.IndexedContent, 'index'], [DocumentState.ComputedScopes, 'scopes'], [DocumentState.Linked, 'link'],
    [DocumentState.IndexedReferences, 'references'], [DocumentState.Validated, 'validate']
];

interface Measured { parse: number; check: number; bytes: number; diagnostics: number; phases: Map<string, number> }

async function measure(moments: number): Promise<Measured> {
    const text = generateCycle(moments);
    const runs = moments >= 10_000 ? 7 : 11;
    const parseTimes: number[] = [];
    const checkTimes: number[] = [];
    let diagnostics = 0;
    const services = createCycleCoreServices(EmptyFileSystem).Cycle;
    const documents = services.shared.workspace.LangiumDocuments;
    const phaseTimes = new Map<string, number[]>(PHASES.map(([, name]) => [name, []]));
    let phaseStart = 0;
    for (const [state, name] of PHASES) {
        services.shared.workspace.DocumentBuilder.onBuildPhase(state, () => {
            const now = performance.now();
            phaseTimes.get(name)!.push(now - phaseStart);
            phaseStart = now;
        });
    }
    for (let run = 0; run <= runs; run++) {
        // Each run starts from a clean heap, as a `cycle check` process does: without
        // it a run pays for collecting the trees of the runs before it.
        collectGarbage();
        let started = performance.now();
        services.parser.LangiumParser.parse(text);
        const parse = performance.now() - started;
        const uri = URI.file(`/bench/${moments}.cycle`);
        if (documents.hasDocument(uri)) documents.deleteDocument(uri);
        collectGarbage();
        started = performance.now();
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        documents.addDocument(document);
        phaseStart = performance.now();
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        const check = performance.now() - started;
        diagnostics = document.diagnostics?.length ?? 0;
        if (run > 0) { // the first run warms up the JIT
            parseTimes.push(parse);
            checkTimes.push(check);
        }
    }
    const phases = new Map([...phaseTimes].map(([name, times]) => [name, median(times.slice(1))]));
    return { parse: median(parseTimes), check: median(checkTimes), bytes: Buffer.byteLength(text), diagnostics, phases };
}

export async function benchCheck(): Promise<void> {
    const rows: string[][] = [['moments', 'size', 'bare parse', 'full check', 'check/parse', 'moments/s (check)', 'MB/s (check)', 'diagnostics']];
    const phaseRows: string[][] = [['moments', ...PHASES.map(([, name]) => name)]];
    const results = new Map<number, { parse: number; check: number }>();
    for (const size of SIZES) {
        const r = await measure(size);
        results.set(size, r);
        rows.push([
            size.toLocaleString('en'), `${(r.bytes / 1024).toFixed(0)} KB`, `${r.parse.toFixed(1)} ms`, `${r.check.toFixed(1)} ms`,
            `${(r.check / r.parse).toFixed(2)}×`, Math.round(size / (r.check / 1000)).toLocaleString('en'),
            (r.bytes / 1024 / 1024 / (r.check / 1000)).toFixed(2), String(r.diagnostics)
        ]);
        phaseRows.push([size.toLocaleString('en'), ...PHASES.map(([, name]) => `${(r.phases.get(name) ?? 0).toFixed(1)} ms`)]);
    }
    console.log(`cycle check: parse + link + validate, next to a bare parse (median; Node ${process.version})\n`);
    printTable(rows);
    console.log('\nwhere the time after parsing goes (median per build phase):\n');
    printTable(phaseRows);
    const growth = results.get(10_000)!.check / results.get(1_000)!.check;
    console.log(`\n10,000 vs 1,000 moments: ${growth.toFixed(1)}× the time for 10× the moments (linear growth is 10×).`);
}

export function printTable(rows: string[][]): void {
    const widths = rows[0].map((_, c) => Math.max(...rows.map(row => row[c].length)));
    for (const row of rows) console.log(row.map((cell, c) => cell.padStart(widths[c])).join('  '));
}
