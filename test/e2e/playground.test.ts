import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module shared with scripts/e2e.mjs
import { CHROMIUM, E2E } from '../../scripts/e2e/tools.mjs';
import { generateCycle } from '../../bench/generate-cycle.js';
import { CLI, PROJECT_ROOT, runCli } from '../cli/run-cli.js';
import { serveStatic } from './static-server.js';

/**
 * The playground (dist/web/, as `npm run build:web` writes it) in headless Chromium,
 * served by a plain static file server under a sub-path, as GitHub Pages serves a
 * project site. A user's checks: the diagram, typing, clicking, diagnostics, quick
 * fixes, share links, and that nothing leaves the page's origin.
 */
const SCREENSHOTS = join(E2E, 'screenshots');
const BANK = readFileSync(join(PROJECT_ROOT, 'examples/bank-check-cashing.cycle'), 'utf8');
let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let base: string;
/** Every URL any page of these tests asked for, and every problem a page reported. */
const requested: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await serveStatic(join(PROJECT_ROOT, 'dist'));
    base = `${server.origin}/web/`;
    browser = await chromium.launch({
        executablePath: CHROMIUM, headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    });
});
afterAll(async () => {
    await browser?.close();
    await server?.close();
});

async function freshPage(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, colorScheme: options.colorScheme ?? 'light', acceptDownloads: true });
    context.on('request', request => requested.push(request.url()));
    const page = await context.newPage();
    page.on('console', message => {
        // CSP violations and script errors show up here; a 404 would too.
        if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', error => problems.push(error.message));
    return { context, page };
}

/** The page's diagram: its moments and critical moments. */
async function drawnMoments(page: Page): Promise<{ moments: number; critical: number; unmitigated: number }> {
    return page.evaluate(() => ({
        moments: document.querySelectorAll('#stage [data-moment]').length,
        critical: document.querySelectorAll('#stage .moment.critical').length,
        unmitigated: document.querySelectorAll('#stage .moment.unmitigated').length
    }));
}

async function waitForMoments(page: Page, count: number): Promise<void> {
    await page.waitForFunction(n => document.querySelectorAll('#stage [data-moment]').length === n, count, { timeout: 30_000 });
}

/** The editor's whole text, as the user gets it: Download .cycle. */
async function downloadedText(page: Page): Promise<string> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-cycle')]);
    return readFileSync((await download.path())!, 'utf8');
}

/** Replaces the editor's text by selecting all and pasting (the browser's paste event, with the text on its clipboard data). */
async function replaceText(page: Page, text: string): Promise<void> {
    await page.click('.cm-content');
    await page.keyboard.press('Control+a');
    await page.locator('.cm-content').evaluate((content, pasted) => {
        const data = new DataTransfer();
        data.setData('text/plain', pasted);
        content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
}

/**
 * Clicks a moment's marker with the mouse, at its centre. (Playwright's own click
 * first scrolls the element into view, which never settles for an SVG element in a
 * transformed, clipped stage.)
 */
async function clickMoment(page: Page, id: string): Promise<void> {
    // The diagram may be replaced between finding the marker and measuring it: look again.
    let box = null;
    for (let attempt = 0; attempt < 50 && !box; attempt++) {
        box = await page.locator(`#stage [data-moment="${id}"] .marker`).first().boundingBox({ timeout: 1000 }).catch(() => null);
        if (!box) await page.waitForTimeout(100);
    }
    if (!box) throw new Error(`moment ${id} is not drawn`);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The editor line that starts with this text (after its indentation). */
const lineStarting = (page: Page, start: string) => page.locator('.cm-line').filter({ hasText: new RegExp(`^\\s*${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first();

describe('the playground', () => {
    it('draws the bank example: fifteen moments, three critical, the unmitigated one marked in the editor', async () => {
        const { context, page } = await freshPage();
        await page.goto(base);
        await waitForMoments(page, 15);
        expect(await drawnMoments(page)).toEqual({ moments: 15, critical: 3, unmitigated: 1 });
        // As in VS Code: the unmitigated moment's id marked, a warning on it, a mark in the gutter.
        await page.waitForSelector('.cm-unmitigated-moment');
        expect(await page.locator('.cm-unmitigated-moment').first().textContent()).toBe('told-take-number');
        expect(await page.locator('.cm-unmitigated-mark').count()).toBeGreaterThan(0);
        expect(await page.locator('.cm-lintRange-warning').count()).toBeGreaterThan(0);
        expect(await page.locator('#examples option').allTextContents()).toEqual(expect.arrayContaining(['bank-check-cashing.cycle', 'pizza-delivery.ru.cycle', 'online-shopping.zh.cycle']));
        expect(await downloadedText(page)).toBe(BANK);
        // The diagram's files, made in the page.
        const saved = async (button: string) => {
            const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
            return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
        };
        const svg = await saved('#download-svg');
        expect(svg.name).toBe('bank-check-cashing.svg');
        expect(svg.bytes.toString('utf8')).toMatch(/^<svg[\s\S]*data-moment="told-take-number"[\s\S]*<\/svg>$/);
        const png = await saved('#download-png');
        expect(png.name).toBe('bank-check-cashing.png');
        expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
        expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(1000); // drawn at twice the diagram's width
        const mermaid = await saved('#download-mermaid');
        expect(mermaid.bytes.toString('utf8')).toMatch(/^journey\n  title Cashing a check at a bank branch\n/);
        expect(mermaid.bytes.toString('utf8').split('\n').filter(line => /^ {4}\S.*: \d: /.test(line))).toHaveLength(15);
        await page.screenshot({ path: join(SCREENSHOTS, 'playground-light.png') });
        await context.close();
    });

    it('reads the bank example\'s bundled results files: no error, and the ipa view draws a point per measured moment', async () => {
        // The CLI reads the same files from disk: its scatter has as many points as the page's must.
        const out = join(mkdtempSync(join(tmpdir(), 'cycle-playground-ipa-')), 'ipa.svg');
        expect(runCli(['render', 'examples/bank-check-cashing.cycle', '--results', '--view', 'ipa', '-o', out]).status).toBe(0);
        const measured = new Set(readFileSync(out, 'utf8').match(/data-moment="[^"]+"/g)).size;
        expect(measured).toBeGreaterThan(2);
        const { context, page } = await freshPage();
        await page.goto(base);
        await waitForMoments(page, 15);
        // The results rules ran on the files' figures (the example's header lists what they say), and no file is unreadable.
        const feels = lineStarting(page, 'feels 2').locator('.cm-lintRange-info').first();
        await feels.waitFor({ timeout: 30_000 });
        await feels.hover();
        await expect.poll(() => page.locator('.cm-tooltip-lint').textContent(), { timeout: 20_000 })
            .toMatch(/told-take-number is designed to feel 2[\s\S]*0\.8461 \(n = 346, in bank-waves\/2026-q2\.csv\)/);
        expect(await page.locator('.cm-lintRange-error').count()).toBe(0);
        await page.mouse.move(0, 0);
        // The clock paints the measured CSAT; the scatter is offered and drawn.
        const ipa = page.locator('button[data-view="ipa"]');
        await expect.poll(() => ipa.isVisible(), { timeout: 30_000 }).toBe(true);
        await ipa.click();
        await expect.poll(() => page.locator('#stage svg.view-ipa').count()).toBe(1);
        expect(await page.locator('#stage svg.view-ipa [data-moment]').count()).toBe(measured);
        expect(await ipa.getAttribute('aria-pressed')).toBe('true');
        await page.screenshot({ path: join(SCREENSHOTS, 'playground-ipa.png') });
        await context.close();
    });

    it('says a results file it does not carry cannot be read, and offers no ipa view', async () => {
        const { context, page } = await freshPage();
        await page.goto(base);
        await waitForMoments(page, 15);
        await replaceText(page, BANK.replace('results "bank-waves/2026-q1.csv"', 'results "my-answers.csv"').replace(/\n\s*results "bank-waves\/2026-q2\.csv"/, ''));
        await page.waitForSelector('.cm-lintRange-error', { timeout: 30_000 });
        await page.locator('.cm-lintRange-error').first().hover();
        await expect.poll(() => page.locator('.cm-tooltip-lint').textContent(), { timeout: 20_000 })
            .toMatch(/my-answers\.csv[\s\S]*only the results files of its bundled examples/);
        expect(await page.locator('button[data-view="ipa"]').isVisible()).toBe(false);
        await context.close();
    });

    it('redraws as you type, moves the cursor on a click, follows the cursor, shows diagnostics and applies a quick fix', async () => {
        const { context, page } = await freshPage();
        await page.goto(base);
        await waitForMoments(page, 15);

        // Type a moment: it appears.
        await page.click('.cm-content');
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Enter');
        await page.keyboard.type('  moment typed-here "Typed by the test');
        await waitForMoments(page, 16);
        await expect.poll(() => page.locator('#stage [data-moment="typed-here"] title').textContent()).toBe('Typed by the test');

        // Click a moment in the diagram: the cursor goes to its id.
        await clickMoment(page, 'receive-cash');
        await expect.poll(() => page.locator('.cm-activeLine').textContent()).toContain('moment receive-cash');
        expect(await page.locator('#stage .moment.selected').getAttribute('data-moment')).toBe('receive-cash');

        // Move the cursor in the text: the diagram marks the moment it is in.
        await clickMoment(page, 'decide');
        await expect.poll(() => page.locator('.cm-activeLine').textContent()).toContain('moment decide');
        await expect.poll(() => page.locator('#stage .moment.selected').getAttribute('data-moment')).toBe('decide');
        for (let press = 0; press < 5 && !(await page.locator('.cm-activeLine').textContent())?.includes('moment ride-in'); press++) {
            await page.keyboard.press('ArrowDown'); // down to `moment ride-in`, two short lines below
        }
        await expect.poll(() => page.locator('#stage .moment.selected').getAttribute('data-moment')).toBe('ride-in');

        // An error: a role that does not exist.
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        await page.keyboard.type('  by nobody-here');
        await page.waitForSelector('.cm-lintRange-error', { timeout: 20_000 });
        await page.locator('.cm-lintRange-error').first().hover();
        await expect.poll(() => page.locator('.cm-tooltip-lint').textContent(), { timeout: 20_000 }).toMatch(/nobody-here/);

        // The quick fix of the unmitigated moment, from its warning's tooltip: it gets a prevention, and the diagram knows.
        await clickMoment(page, 'told-take-number');
        await page.locator('.cm-unmitigated-moment').first().hover();
        const fix = page.locator('.cm-tooltip-lint .cm-diagnosticAction', { hasText: /prevent/i }).first();
        await fix.waitFor({ timeout: 20_000 });
        await fix.click();
        await page.waitForFunction(() => document.querySelectorAll('#stage .moment.unmitigated').length === 0, undefined, { timeout: 20_000 });
        expect(await downloadedText(page)).toMatch(/told-take-number[\s\S]*prevent "/);
        await page.screenshot({ path: join(SCREENSHOTS, 'playground-edited.png') });
        await context.close();
    });

    it('completes, hovers, formats and switches views, zooms and themes', async () => {
        const { context, page } = await freshPage({ colorScheme: 'dark' });
        await page.goto(base);
        await waitForMoments(page, 15);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

        // Completion of a keyword under a moment.
        await lineStarting(page, 'moment ask "').click();
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        await page.keyboard.type('  chan'); // under the moment (the new line keeps the moment's indentation)
        await page.keyboard.press('Control+Space');
        await expect.poll(() => page.locator('.cm-tooltip-autocomplete').textContent(), { timeout: 20_000 }).toContain('channel');
        await page.keyboard.press('Escape');

        // Hover over a moment's id.
        await page.locator('.cm-unmitigated-moment').first().hover();
        await expect.poll(() => page.locator('.cm-tooltip-hover').textContent(), { timeout: 20_000 }).toMatch(/told-take-number|Is told to take a number/);

        // Formatting puts a badly indented line back in place.
        await replaceText(page, 'cycle c "C"\n  goal "G"\n  moment a "A"\n      channel phone\n');
        await page.waitForFunction(() => document.querySelectorAll('#stage [data-moment]').length === 1);
        await page.click('#format');
        await expect.poll(() => downloadedText(page), { timeout: 20_000 }).toBe('cycle c "C"\n  goal "G"\n  moment a "A"\n    channel phone\n');

        // Rename (F2): the id and every reference to it.
        await page.click('[data-view="clock"]');
        await clickMoment(page, 'a');
        await page.keyboard.press('F2');
        const nameField = page.locator('.cm-dialog input, .cm-panel input').first();
        await nameField.waitFor({ timeout: 20_000 });
        await nameField.fill('renamed');
        await page.keyboard.press('Enter');
        await expect.poll(() => downloadedText(page), { timeout: 20_000 }).toBe('cycle c "C"\n  goal "G"\n  moment renamed "A"\n    channel phone\n');

        // Views, zoom, theme.
        await page.click('[data-view="blueprint"]');
        expect(await page.locator('#stage svg').count()).toBe(1);
        await page.click('[data-view="journey"]');
        await page.click('#zoom-in');
        expect(await page.locator('#zoom-level').textContent()).toMatch(/\d+%/);
        await page.click('#theme');
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
        await page.click('#theme');
        await page.selectOption('#examples', 'bank-check-cashing.cycle');
        await waitForMoments(page, 15);
        await page.click('[data-view="clock"]');
        await page.screenshot({ path: join(SCREENSHOTS, 'playground-dark.png') });
        await context.close();
    });

    const texts: Array<[string, string]> = [
        ['the bank example', BANK],
        ['Cyrillic', readFileSync(join(PROJECT_ROOT, 'examples/pizza-delivery.ru.cycle'), 'utf8')],
        ['CJK', readFileSync(join(PROJECT_ROOT, 'examples/online-shopping.zh.cycle'), 'utf8') + '# 漢字、かな、한글 🍜\n'],
        ['a cycle of 1,000 moments', generateCycle(1000)]
    ];
    for (const [name, text] of texts) {
        it(`a share link opened in a fresh page restores ${name} exactly`, async () => {
            const first = await freshPage();
            await first.page.goto(base);
            await waitForMoments(first.page, 15);
            await replaceText(first.page, text);
            await first.page.click('#share');
            const link = await first.page.locator('#share-link').inputValue();
            expect(link).toMatch(/#v1\/[A-Za-z0-9_-]+$/);
            expect(first.page.url()).toBe(link); // shown in the address bar
            await first.context.close();

            const second = await freshPage();
            await second.page.goto(link);
            await second.page.waitForSelector('#stage svg', { timeout: 30_000 });
            expect(await downloadedText(second.page)).toBe(text);
            await second.context.close();
        });
    }

    it('says what is wrong with a damaged share link and still opens', async () => {
        const { context, page } = await freshPage();
        await page.goto(`${base}#v1/AAAA-broken`);
        await waitForMoments(page, 15);
        expect(await page.locator('#status').textContent()).toMatch(/share link is (cut short or )?damaged/);
        expect(await page.locator('#status').getAttribute('data-kind')).toBe('error');
        await context.close();
    });

    it('opens the file of `cycle playground FILE`', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'cycle-playground-e2e-'));
        const file = join(folder, 'mine.cycle');
        const text = 'cycle mine "Mine — мой — 我的"\n  goal "G"\n  moment one "One"\n  moment two "Two"\n';
        writeFileSync(file, text);
        const child: ChildProcess = spawn(process.execPath, [CLI, 'playground', '--no-open', file], { stdio: ['ignore', 'pipe', 'inherit'] });
        try {
            const url = await new Promise<string>((done, fail) => {
                let out = '';
                child.stdout!.on('data', chunk => {
                    out += String(chunk);
                    const match = /Playground: (\S+)/.exec(out);
                    if (match) done(match[1]);
                });
                child.on('exit', () => fail(new Error(out)));
            });
            const { context, page } = await freshPage();
            await page.goto(url);
            await waitForMoments(page, 2);
            expect(await downloadedText(page)).toBe(text);
            await context.close();
        } finally {
            child.kill('SIGINT');
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('asked for nothing outside its own origin, and no page reported an error', () => {
        const origins = new Set(requested.filter(url => !url.startsWith('data:') && !url.startsWith('blob:')).map(url => new URL(url).origin));
        expect(requested.length).toBeGreaterThan(5);
        // The static server, and the loopback server of `cycle playground` (its own origin in that test).
        expect([...origins].filter(origin => origin !== server.origin && !/^http:\/\/127\.0\.0\.1:\d+$/.test(origin))).toEqual([]);
        expect(problems).toEqual([]);
    });
});
