import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module shared with scripts/e2e.mjs
import { CHROMIUM, E2E } from '../../scripts/e2e/tools.mjs';
import { PROJECT_ROOT, runCli } from '../cli/run-cli.js';

/**
 * The HTML report of every example opened in Chromium from disk, as someone who was
 * sent it would: nothing but the file itself is requested, the Content-Security-Policy
 * refuses nothing (its hash admits the one stylesheet, so the styles apply), and the
 * three diagrams show.
 */
const SCREENSHOTS = join(E2E as string, 'screenshots');
let browser: Browser;

beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
});
afterAll(async () => browser?.close());

describe('the HTML report in Chromium', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycle-report-e2e-'));
    const examples = readdirSync(join(PROJECT_ROOT, 'examples')).filter(f => f.endsWith('.cycle') && f !== 'team.cycle');
    for (const file of examples) {
        it(`${file}: no request leaves the file, the CSP refuses nothing, the styles apply`, async () => {
            const html = join(dir, file.replace(/\.cycle$/, '.html'));
            expect(runCli(['report', `examples/${file}`, '-o', html]).status).toBe(0);
            const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
            try {
                const requests: string[] = [];
                const problems: string[] = [];
                page.on('request', request => requests.push(request.url()));
                page.on('console', message => { if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text()); });
                page.on('pageerror', error => problems.push(error.message));
                const url = pathToFileURL(html).href;
                await page.goto(url, { waitUntil: 'load' });
                expect(requests).toEqual([url]);
                expect(problems).toEqual([]);
                // Styled: the stylesheet was admitted (the browser's default h2 has no border).
                const border = await page.$eval('h2', h => getComputedStyle(h).borderBottomStyle);
                expect(border).toBe('solid');
                expect(await page.$$eval('figure svg', svgs => svgs.map(s => s.getBoundingClientRect().width > 200))).toEqual([true, true, true]);
                await page.screenshot({ path: join(SCREENSHOTS as string, `report-${file.replace(/\.cycle$/, '')}.png`), fullPage: true });
            } finally {
                await page.close();
            }
        });
    }
});
