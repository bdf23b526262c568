import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { activeTab, cursorPosition, goTo, launchBrowser, problems, QUICK_INPUT, screenshot } from '../vscode/workbench.js';
import { startTestWeb, type TestWeb } from './test-web.js';

/**
 * The packaged extension in VS Code for the Web 1.91.1 (@vscode/test-web, Debian's
 * Chromium, offline): there is no Node extension host, so what runs is the `browser`
 * entry and the language server's Web Worker, reading the workspace's files through
 * the editor. Asserts on what is on screen; every scenario leaves a screenshot.
 */
let web: TestWeb;
let context: BrowserContext;
let page: Page;
let current = '';

const lineOf = (file: string, startsWith: string): number => readFileSync(join(web.workspace, file), 'utf8').split('\n').findIndex(l => l.startsWith(startsWith)) + 1;
/** Opens a file from the Explorer: the web has no file search, so Quick Open finds nothing. */
async function openFile(page: Page, name: string): Promise<void> {
    await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: name }).first().click();
    await activeTab(page, name).waitFor({ timeout: 30_000 });
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}
const preview = (): FrameLocator => page.frameLocator('iframe.webview').frameLocator('#active-frame');

beforeAll(async () => {
    web = await startTestWeb('vscode-web');
    context = await launchBrowser(web);
    page = context.pages()[0] ?? await context.newPage();
    await page.goto(web.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}, 120_000);

afterEach(async ctx => {
    if (!page) return;
    const shot = await screenshot(page, current || 'vscode-web');
    if (ctx.task.result?.state === 'fail') console.error(`e2e: "${ctx.task.name}" failed; screenshot ${shot}; test-web log ${web.log}`);
});

afterAll(async () => {
    await context?.close();
    await web?.stop();
});

describe('the extension in VS Code for the Web (test-web)', () => {
    it('web 1. the bank example from the workspace folder: critical-unmitigated in Problems on the line of told-take-number', async () => {
        current = 'web-1-bank';
        await openFile(page, 'bank-check-cashing.cycle');
        await expect.poll(() => page.locator('#status\\.editor\\.mode').innerText(), { timeout: 30_000 }).toBe('Service Cycle');
        const line = lineOf('bank-check-cashing.cycle', '  moment told-take-number');
        await expect.poll(async () => (await problems(page)).find(row => row.includes('critical-unmitigated')) ?? '', { timeout: 60_000 })
            .toContain(`[Ln ${line}, Col 10]`);
    });

    it('web 1b. the bank example\'s survey results (two CSV waves beside it) are read from the workspace: measured findings, none unreadable', async () => {
        current = 'web-1b-results';
        await openFile(page, 'bank-check-cashing.cycle');
        await expect.poll(async () => (await problems(page)).filter(row => row.includes('feels-contradicts-results')).length, { timeout: 60_000 }).toBeGreaterThan(0);
        expect((await problems(page)).filter(row => row.includes('results-'))).toEqual([]);
    });

    it('web 2. a role declared in a file never opened (team.cycle) resolves: Go to Definition lands on it', async () => {
        current = 'web-2-role';
        await openFile(page, 'restaurant.cycle');
        await goTo(page, lineOf('restaurant.cycle', '        owner shift-manager'), 16);
        await page.keyboard.press('F12');
        await activeTab(page, 'team.cycle').waitFor({ timeout: 30_000 });
        await expect.poll(() => cursorPosition(page)).toEqual([lineOf('team.cycle', 'role shift-manager'), 6]);
    });

    it('web 3. the preview opens beside the bank example and draws fifteen moments, three critical', async () => {
        current = 'web-3-preview';
        await openFile(page, 'bank-check-cashing.cycle');
        await page.keyboard.press('F1');
        const input = page.locator(QUICK_INPUT);
        await input.fill('>Cycle: Open Preview to the Side');
        await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'Open Preview to the Side' }).first().click();
        await expect.poll(() => preview().locator('[data-moment]').count(), { timeout: 60_000 }).toBe(15);
        expect(await preview().locator('.moment.critical').count()).toBe(3);
    });

    it('web 4. Compare with HEAD (it needs git) is not offered in the command palette', async () => {
        current = 'web-4-no-compare';
        await openFile(page, 'bank-check-cashing.cycle');
        await page.keyboard.press('F1');
        const input = page.locator(QUICK_INPUT);
        await input.fill('>Cycle:');
        const rows = page.locator('.quick-input-widget .monaco-list-row');
        await rows.filter({ hasText: 'Open Preview to the Side' }).first().waitFor({ timeout: 10_000 });
        const titles = await rows.allInnerTexts();
        expect(titles.join(' | ')).toContain('Export Diagram as SVG');
        expect(titles.join(' | ')).not.toContain('Compare with HEAD');
        await page.keyboard.press('Escape');
    });
});
