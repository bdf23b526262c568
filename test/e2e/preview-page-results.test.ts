import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module shared with scripts/e2e.mjs
import { CHROMIUM, E2E } from '../../scripts/e2e/tools.mjs';
import { previewHtml } from '../../src/extension/preview/preview-html.js';
import type { PreviewModel } from '../../src/protocol.js';
import { PROJECT_ROOT } from '../cli/run-cli.js';
import { example } from '../diagram/diagram-helpers.js';
import { handFigures } from '../diagram/generated-figures.js';

/*
 * The preview page itself (the built dist/webview/preview.js under the page's real
 * Content-Security-Policy) in Chromium, fed the messages the extension posts: survey
 * results painted, the ipa view offered, and the page following new figures for the
 * same version of the text. VS Code's API is a stand-in that records the messages.
 */
const SCREENSHOTS = join(E2E as string, 'screenshots');
let browser: Browser;
let page: Page;
const problems: string[] = [];

const bank = example('bank-check-cashing.cycle');
const model = (csat: number | null): PreviewModel => ({
    uri: 'file:///work/bank-check-cashing.cycle', version: 3, syntaxErrors: 0, cycles: [bank],
    ...(csat === null ? {} : {
        results: {
            [bank.id]: {
                csatTarget: 0.8,
                figures: handFigures(bank, {
                    'told-take-number': [csat, csat - 0.08, csat + 0.08, csat, 0.8],
                    'receive-cash': [0.91, 0.86, 0.95, 0.88, 0.9],
                    ask: [0.85, 0.79, 0.9, 0.8, 0.4]
                })
            }
        }
    })
});

beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const dir = mkdtempSync(join(tmpdir(), 'cycle-preview-page-'));
    const webview = pathToFileURL(join(PROJECT_ROOT, 'dist', 'webview')).href;
    const html = previewHtml({ cspSource: 'file:', scriptUri: `${webview}/preview.js`, styleUri: `${webview}/preview.css`, initialState: { uri: 'file:///work/bank-check-cashing.cycle', view: 'clock' } });
    writeFileSync(join(dir, 'preview.html'), html);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--allow-file-access-from-files'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('console', message => { if (message.type() === 'error') problems.push(message.text()); });
    page.on('pageerror', error => problems.push(error.message));
    await page.addInitScript(() => {
        const w = window as unknown as { posted: unknown[]; acquireVsCodeApi: () => unknown };
        w.posted = [];
        let saved: unknown;
        w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.posted.push(m), getState: () => saved, setState: (s: unknown) => { saved = s; } });
    });
    await page.goto(pathToFileURL(join(dir, 'preview.html')).href);
    await page.waitForFunction(() => (window as unknown as { posted: { type: string }[] }).posted.some(m => m.type === 'ready'));
});

afterAll(async () => browser?.close());

const send = (m: PreviewModel) => page.evaluate(data => window.postMessage({ type: 'model', model: data }, '*'), m);

describe('the preview page with survey results', () => {
    it('without results: no ipa button, no CSAT marks', async () => {
        await send(model(null));
        await expect.poll(() => page.locator('svg.view-clock [data-moment]').count()).toBe(15);
        expect(await page.locator('button[data-view="ipa"]').isVisible()).toBe(false);
        expect(await page.locator('.csat-ring').count()).toBe(0);
    });

    it('paints the measured CSAT on the clock, the failing moment marked, and offers the ipa view', async () => {
        await send(model(0.42));
        await expect.poll(() => page.locator('.csat-ring').count()).toBe(3);
        expect(await page.locator('[data-moment="told-take-number"].failing .failing-tag').count()).toBe(1);
        expect(await page.locator('button[data-view="ipa"]').isVisible()).toBe(true);
        await page.screenshot({ path: join(SCREENSHOTS, 'preview-page-results-clock.png') });
        await page.locator('button[data-view="ipa"]').click();
        await expect.poll(() => page.locator('svg.view-ipa').count()).toBe(1);
        expect(await page.locator('svg.view-ipa [data-moment]').count()).toBe(3);
        await page.screenshot({ path: join(SCREENSHOTS, 'preview-page-results-ipa.png') });
    });

    it('follows new figures for the same version of the text (an answers file changed)', async () => {
        await send(model(0.95));
        await expect.poll(() => page.locator('svg.view-ipa .failing').count()).toBe(0);
        await page.locator('button[data-view="clock"]').click();
        await expect.poll(() => page.locator('.csat-ring.on-target').count()).toBe(3);
        // Results gone while the ipa view is shown: the message, and the button stays to leave it.
        await page.locator('button[data-view="ipa"]').click();
        await send(model(null));
        await expect.poll(() => page.locator('svg.view-ipa .no-results').count()).toBe(1);
        expect(await page.locator('button[data-view="ipa"]').isVisible()).toBe(true);
        expect(problems).toEqual([]);
    });
});
