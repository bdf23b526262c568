import { mkdtempSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module shared with scripts/e2e.mjs
import { CHROMIUM } from '../../scripts/e2e/tools.mjs';
import { PROJECT_ROOT, runCli } from '../cli/run-cli.js';

/**
 * The Mermaid journeys `cycle export --to mermaid` writes, parsed and drawn by the
 * real mermaid package in headless Chromium, as GitHub does in a pull request.
 */
const require = createRequire(import.meta.url);
let browser: Browser;

beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
});
afterAll(async () => browser?.close());

describe('Mermaid journeys of every example', () => {
    const examples = readdirSync(join(PROJECT_ROOT, 'examples')).filter(f => f.endsWith('.cycle') && f !== 'team.cycle');
    for (const file of examples) {
        it(`${file} parses and renders`, async () => {
            const text = runCli(['export', `examples/${file}`, '--to', 'mermaid']).stdout;
            const page = await browser.newPage();
            try {
                await page.setContent('<!DOCTYPE html><html><body><div id="out"></div></body></html>');
                await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
                const result = await page.evaluate(async source => {
                    const mermaid = (window as unknown as { mermaid: { initialize(o: object): void; parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
                    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
                    await mermaid.parse(source);
                    const { svg } = await mermaid.render('journey', source);
                    return svg;
                }, text);
                const firstTask = text.split('\n').find(line => line.startsWith('    '))!.trim().split(':')[0].trim();
                expect(result).toContain('<svg');
                expect(result).toContain(firstTask.split(' ')[0]);
            } finally {
                await page.close();
            }
        });
    }

    it('keeps a label with colons, commas and hashes parseable', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'cycle-mermaid-'));
        const file = join(dir, 'odd.cycle');
        require('node:fs').writeFileSync(file, 'cycle odd "Odd: labels, #1"\n  goal "g"\n  phase "A: b"\n  moment m "Pays: cash, card #2 %% now"\n    feels 9\n');
        const text = runCli(['export', file, '--to', 'mermaid']).stdout;
        const page = await browser.newPage();
        try {
            await page.setContent('<html><body></body></html>');
            await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
            const ok = await page.evaluate(async source => {
                const mermaid = (window as unknown as { mermaid: { initialize(o: object): void; parse(t: string): Promise<unknown> } }).mermaid;
                mermaid.initialize({ startOnLoad: false });
                return Boolean(await mermaid.parse(source));
            }, text);
            expect(ok).toBe(true);
            expect(text).toContain(': 5: Customer'); // feels 9 is out of range: the score stays within 1–5
        } finally {
            await page.close();
        }
    });

    it('issue 10 item 9: labels that start with a Mermaid keyword or hold comments draw every moment once', async () => {
        const labels = ['%% a comment', '%%% three', '% off today', 'Title deed signed', 'Section chief calls', 'Journey planned',
            'accDescr { opens a block', 'accTitle: retitles', 'a%%b', '50%%% off', 'Pay \u202Eevil', '<b>bold</b> & co'];
        const dir = mkdtempSync(join(tmpdir(), 'cycle-mermaid-'));
        const file = join(dir, 'hostile.cycle');
        const quote = (label: string) => '"' + label.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
        require('node:fs').writeFileSync(file, `cycle hostile "title %%{init: {}}%% x"\n  goal "g"\n  phase "section %% y"\n${labels.map((l, i) => `  moment m${i} ${quote(l)}\n`).join('')}`);
        const text = runCli(['export', file, '--to', 'mermaid']).stdout;
        const page = await browser.newPage();
        try {
            await page.setContent('<!DOCTYPE html><html><body></body></html>');
            await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
            const svg = await page.evaluate(async source => {
                const mermaid = (window as unknown as { mermaid: { initialize(o: object): void; parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
                mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
                await mermaid.parse(source);
                return (await mermaid.render('hostile', source)).svg;
            }, text);
            // Every moment is drawn as a task, with its words; the title is the cycle's.
            for (const words of ['a comment', 'three', 'off today', 'Title deed signed', 'Section chief calls', 'Journey planned', 'opens a block', 'retitles', 'evil', 'bold']) {
                expect(svg, words).toContain(words);
            }
            expect(svg).toContain('title ％％{init');
            expect(text.match(/^journey$/gm)).toHaveLength(1);
            expect(text).not.toContain('%');
        } finally {
            await page.close();
        }
    });
});
