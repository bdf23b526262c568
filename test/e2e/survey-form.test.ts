import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module shared with scripts/e2e.mjs
import { CHROMIUM, E2E } from '../../scripts/e2e/tools.mjs';
import { runCli } from '../cli/run-cli.js';

/**
 * `cycle survey form -o form.html` opened in Chromium from disk, as a respondent or the
 * person printing it would: it renders, every question is there as a named group with
 * its answers, a hostile label stays text, the Content-Security-Policy refuses nothing
 * (its hash admits the stylesheet), and nothing but the file itself is requested.
 */
const SCREENSHOTS = join(E2E as string, 'screenshots');
let browser: Browser;

beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
});
afterAll(async () => browser?.close());

const HOSTILE = `cycle shop "A <b>shop</b>"
  moment pay "Pays at the till"
  survey exit "Exit <img src=https://example.com/x.png>"
    question q1 "<script>window.pwned = 1</script> How was it?"
      about pay
      answer scale 1..5 "Awful \\"really\\"" "<i>Great</i>"
    question q2 "Which till?"
      about pay
      answer choice "a\\" onfocus=\\"window.pwned = 2" "<style>body{display:none}</style>"
    question q3 "Anything else? <link rel=stylesheet href=https://example.com/x.css>"
      answer text
    question q4 "How many minutes did you queue?"
      about pay
      answer number "minutes"
`;

/** Opens a file and records every request and every console complaint (CSP refusals are console errors). */
async function open(html: string): Promise<{ page: Page; requests: string[]; problems: string[]; url: string }> {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', request => requests.push(request.url()));
    page.on('console', message => { if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text()); });
    page.on('pageerror', error => problems.push(error.message));
    const url = pathToFileURL(html).href;
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, problems, url };
}

describe('the survey form in Chromium', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycle-form-e2e-'));

    it('the bank-like cafe survey: every question a named group, scale ends labelled, styled, nothing requested', async () => {
        const html = join(dir, 'cafe.html');
        expect(runCli(['survey', 'form', 'test/fixtures/survey-results/cafe.cycle', '-o', html]).status).toBe(0);
        const { page, requests, problems, url } = await open(html);
        try {
            expect(requests).toEqual([url]);
            expect(problems).toEqual([]);
            // Each fieldset is a group named by its legend, in order.
            for (const name of ['1. How satisfied were you with ordering?', '2. Was the wait acceptable?', '3. How likely are you to recommend us to a friend?']) {
                await expect(page.getByRole('group', { name }).isVisible()).resolves.toBe(true);
            }
            const ordering = page.getByRole('group', { name: /ordering/ });
            expect(await ordering.getByRole('radio').count()).toBe(5);
            // The ends are part of the radio's accessible name, so a screen reader says them.
            await ordering.getByRole('radio', { name: '5 Very satisfied' }).check();
            expect(await ordering.getByRole('radio', { name: '5 Very satisfied' }).isChecked()).toBe(true);
            expect(await page.getByRole('group', { name: /recommend/ }).getByRole('radio').count()).toBe(11);
            await expect(page.getByRole('radio', { name: 'Yes' }).isVisible()).resolves.toBe(true);
            // Styled: the stylesheet was admitted (a browser's own fieldset has no rounded corners).
            expect(await page.$eval('fieldset', f => getComputedStyle(f).borderTopLeftRadius)).toBe('8px');
            await page.screenshot({ path: join(SCREENSHOTS as string, 'survey-form-cafe.png'), fullPage: true });
            // Printable: the print layout keeps every question.
            await page.emulateMedia({ media: 'print' });
            expect(await page.$$eval('fieldset', fs => fs.filter(f => f.getBoundingClientRect().height > 0).length)).toBe(3);
        } finally {
            await page.close();
        }
    });

    it('hostile labels stay text: no script runs, no handler, no image or stylesheet is fetched', async () => {
        const source = join(dir, 'hostile.cycle');
        writeFileSync(source, HOSTILE);
        const html = join(dir, 'hostile.html');
        expect(runCli(['survey', 'form', source, '-o', html]).status).toBe(0);
        const { page, requests, problems, url } = await open(html);
        try {
            expect(requests).toEqual([url]);
            expect(problems).toEqual([]);
            expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
            expect(await page.$$('script, img, i, b, link, body style')).toEqual([]);
            expect(await page.title()).toBe('Exit <img src=https://example.com/x.png>');
            await expect(page.getByRole('group', { name: '1. <script>window.pwned = 1</script> How was it?' }).isVisible()).resolves.toBe(true);
            await expect(page.getByRole('radio', { name: '1 Awful "really"' }).isVisible()).resolves.toBe(true);
            await expect(page.getByRole('radio', { name: '5 <i>Great</i>' }).isVisible()).resolves.toBe(true);
            // The choice's quotes stayed inside its value: focusing it runs nothing.
            const choice = page.getByRole('radio', { name: 'a" onfocus="window.pwned = 2' });
            await choice.focus();
            expect(await choice.getAttribute('value')).toBe('a" onfocus="window.pwned = 2');
            expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
            expect(await page.isVisible('body')).toBe(true);
            expect(await page.$$eval('fieldset', fs => fs.length)).toBe(4);
            // Enter in the one number field submits nothing: no reload, the answers stay.
            const minutes = page.getByRole('spinbutton', { name: 'Your answer' });
            await minutes.fill('12');
            await minutes.press('Enter');
            await page.waitForTimeout(300);
            expect(await minutes.inputValue()).toBe('12');
            expect(await choice.isChecked()).toBe(false);
            expect(requests).toEqual([url]);
            expect(problems).toEqual([]);
        } finally {
            await page.close();
        }
    });
});
