import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { createCycleCoreServices } from '../src/model/services.js';
import type { Document } from '../src/language/generated/ast.js';
import { buildFileModel } from '../src/model/build-model.js';
import { toPreviewModel } from '../src/server/preview-model-push.js';
import { layoutCycle } from '../src/diagram/index.js';
import { renderSvg } from '../src/diagram/render-svg.js';
import { generateCycle } from './generate-cycle.js';
import { printTable } from './run.js';

const SIZES = [50, 200, 1_000];

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

function time(runs: number, work: () => void): number {
    work(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const started = performance.now();
        work();
        times.push(performance.now() - started);
    }
    return median(times);
}

/**
 * What the preview costs per keystroke, after the diagnostics: the server builds
 * the small model and serialises it (inside the build lock, so it must stay cheap);
 * the page lays out and draws the SVG, for each view.
 */
export async function benchPreview(): Promise<void> {
    const services = createCycleCoreServices(EmptyFileSystem).Cycle;
    const rows: string[][] = [['moments', 'model push (build + JSON)', 'JSON size', 'clock', 'blueprint', 'journey']];
    for (const size of SIZES) {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString<Document>(generateCycle(size), URI.file(`/bench/preview-${size}.cycle`));
        const root = document.parseResult.value;
        let json = '';
        const push = time(15, () => {
            json = JSON.stringify(toPreviewModel(buildFileModel(root, document.uri.toString()), 1, 0));
        });
        const cycle = toPreviewModel(buildFileModel(root, document.uri.toString()), 1, 0).cycles[0];
        const render = (view: 'clock' | 'blueprint' | 'journey') => time(15, () => { renderSvg(layoutCycle(cycle, view), 'light'); });
        rows.push([size.toLocaleString('en'), `${push.toFixed(1)} ms`, `${(json.length / 1024).toFixed(0)} KB`,
            `${render('clock').toFixed(1)} ms`, `${render('blueprint').toFixed(1)} ms`, `${render('journey').toFixed(1)} ms`]);
    }
    console.log('\npreview: server model push and SVG layout + render per update (median)\n');
    printTable(rows);
}

/**
 * Keystroke → repainted preview in a real VS Code (code-server), on the bank
 * example, median of 20 edits: the end-to-end preview suite measures it. Runs it
 * when the end-to-end tools are installed (`npm run test:e2e` installs them).
 */
export async function benchPreviewEndToEnd(root: string): Promise<void> {
    console.log('\npreview in code-server: keystroke → repainted diagram, bank example (median of 20 edits)\n');
    if (!existsSync(join(root, '.e2e', 'code-server', 'node_modules', '.bin', 'code-server')) || process.argv.includes('--no-e2e')) {
        console.log('  skipped: code-server is not installed here; `npm run test:e2e` installs it (once) and measures this too.');
        return;
    }
    const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', 'test/e2e/vscode/preview.test.ts'], { cwd: root, encoding: 'utf8' });
    const file = join(root, '.e2e', 'preview-latency.json');
    if (result.status !== 0 || !existsSync(file)) {
        console.log(`  the measurement failed; see \`npm run test:e2e\`.\n${result.stdout.slice(-2000)}`);
        return;
    }
    const measured = JSON.parse(readFileSync(file, 'utf8')) as { medianMs: number; p95Ms: number; edits: number };
    console.log(`  median ${measured.medianMs} ms, p95 ${measured.p95Ms} ms over ${measured.edits} edits (typing in the editor → the new label in the preview's DOM)`);
}
