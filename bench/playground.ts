import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../test/e2e/static-server.js';

/** Debian's Chromium, as the e2e tests use it. */
const CHROMIUM = '/usr/bin/chromium';
const LOADS = 7;
const EDITS = 20;

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

export interface PlaygroundFigures {
    firstDiagramMs: number;
    keystrokeMs: number;
    jsBytes: number;
    jsGzipBytes: number;
}

export function canBenchPlayground(root: string): boolean {
    return existsSync(CHROMIUM) && existsSync(join(root, 'dist', 'web', 'index.html'));
}

/**
 * The playground (dist/web/) in headless Chromium, served by a plain static server:
 * the first diagram after navigation (the page's own `first-diagram` mark, median of
 * fresh loads), keystroke → repainted diagram for the bank example (from the key's
 * `keydown` to the diagram's replacement in the page, median of typed and erased
 * letters in a moment's label), and the JavaScript loaded before the first diagram
 * (the page's script and the language server's worker), as is and gzipped.
 */
export async function benchPlayground(root: string): Promise<PlaygroundFigures | undefined> {
    console.log('\nplayground in headless Chromium (dist/web/, bank example)\n');
    if (!canBenchPlayground(root)) {
        console.log(`  skipped: needs ${CHROMIUM} and dist/web/ (npm run build:web).`);
        return undefined;
    }
    const { chromium } = await import('playwright-core');
    const server = await serveStatic(join(root, 'dist', 'web'));
    const browser = await chromium.launch({
        executablePath: CHROMIUM, headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    });
    try {
        const firsts: number[] = [];
        const serverReady: number[] = [];
        let jsBytes = 0;
        let jsGzipBytes = 0;
        for (let load = 0; load < LOADS; load++) {
            const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
            const scripts: Promise<Buffer | undefined>[] = [];
            context.on('response', response => {
                if (new URL(response.url()).pathname.endsWith('.js')) scripts.push(response.body().catch(() => undefined));
            });
            const page = await context.newPage();
            await page.goto(`${server.origin}/`);
            const first = await page.waitForFunction(() => performance.getEntriesByName('first-diagram')[0]?.startTime, undefined, { timeout: 30_000 });
            firsts.push(Number(await first.jsonValue()));
            serverReady.push(await page.evaluate(() => performance.getEntriesByName('server-initialized')[0]?.startTime ?? NaN));
            if (load === 0) {
                const bodies = (await Promise.all(scripts)).filter((body): body is Buffer => body !== undefined);
                jsBytes = bodies.reduce((sum, body) => sum + body.length, 0);
                jsGzipBytes = bodies.reduce((sum, body) => sum + gzipSync(body).length, 0);
            }
            await context.close();
        }

        const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
        const page = await context.newPage();
        await page.goto(`${server.origin}/`);
        await page.waitForFunction(() => document.querySelectorAll('#stage [data-moment]').length === 15, undefined, { timeout: 30_000 });
        // In the page: from the key's keydown to the next replacement of the diagram.
        await page.evaluate(() => {
            const state = window as unknown as { keyAt: number; latencies: number[] };
            state.keyAt = 0;
            state.latencies = [];
            document.addEventListener('keydown', () => { state.keyAt = performance.now(); }, true);
            new MutationObserver(() => {
                if (state.keyAt) state.latencies.push(performance.now() - state.keyAt);
                state.keyAt = 0;
            }).observe(document.getElementById('stage')!, { childList: true });
        });
        // Into the label of `ask`: click the moment (the cursor goes to its id), then just before the closing quote.
        const marker = await page.locator('#stage [data-moment="ask"] .marker').first().boundingBox();
        await page.mouse.click(marker!.x + marker!.width / 2, marker!.y + marker!.height / 2);
        await page.keyboard.press('End');
        await page.keyboard.press('ArrowLeft');
        for (let edit = 0; edit < EDITS; edit++) {
            await page.keyboard.press(edit % 2 === 0 ? 'x' : 'Backspace');
            await page.waitForFunction(n => (window as unknown as { latencies: number[] }).latencies.length > n, edit, { timeout: 10_000 });
        }
        const latencies = await page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
        await context.close();

        const figures: PlaygroundFigures = { firstDiagramMs: median(firsts), keystrokeMs: median(latencies), jsBytes, jsGzipBytes };
        const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
        const verdict = (ok: boolean) => (ok ? 'within' : 'OVER');
        console.log(`  first diagram after navigation:   ${figures.firstDiagramMs.toFixed(0)} ms (median of ${LOADS} loads; budget 1,000 ms: ${verdict(figures.firstDiagramMs <= 1000)})`);
        console.log(`    of which until the worker's server answered initialize: ${median(serverReady).toFixed(0)} ms`);
        console.log(`  keystroke → repainted diagram:    ${figures.keystrokeMs.toFixed(0)} ms (median of ${latencies.length} edits; budget 100 ms: ${verdict(figures.keystrokeMs <= 100)})`);
        console.log(`  JavaScript before first diagram:  ${kb(jsBytes)} (${kb(jsGzipBytes)} gzipped; budget 1.5 MB uncompressed: ${verdict(jsBytes <= 1.5 * 1024 * 1024)})`);
        return figures;
    } finally {
        await browser.close();
        await server.close();
    }
}
