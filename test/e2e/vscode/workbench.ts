import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
// @ts-expect-error: a plain JavaScript module shared with scripts/e2e.mjs
import { CHROMIUM, E2E } from '../../../scripts/e2e/tools.mjs';
import type { CodeServer } from './code-server.js';

export const SCREENSHOTS = join(E2E, 'screenshots');
const HEADED = process.env.HEADED === '1';
const modifier = 'Control';
/** The quick input's text box (VS Code 1.91 also has checkboxes in the widget). */
export const QUICK_INPUT = '.quick-input-widget input.input';

/** Debian's Chromium, headless unless HEADED=1, with the flags this closed network needs. */
export async function launchBrowser(server: Pick<CodeServer, 'runDir'>): Promise<BrowserContext> {
    return chromium.launchPersistentContext(join(server.runDir, 'chromium'), {
        executablePath: CHROMIUM,
        headless: !HEADED,
        viewport: { width: 1400, height: 900 },
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
    });
}

export async function openWorkbench(context: BrowserContext, server: CodeServer): Promise<Page> {
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return page;
}

/** With HEADED=1 or STEPS=1, a screenshot of every step, to watch a run afterwards. */
export async function step(page: Page, name: string): Promise<void> {
    if (HEADED || process.env.STEPS === '1') await screenshot(page, `step-${name}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path });
    return path;
}

/** Runs a command from the command palette by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
    await page.keyboard.press('F1');
    const input = page.locator(QUICK_INPUT);
    await input.waitFor();
    await input.fill(`>${title}`);
    // Click the entry rather than press Enter: Enter can arrive before the list settles.
    await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first().click();
}

/** Opens a workspace file with Quick Open and waits for its editor. */
export async function openFile(page: Page, name: string): Promise<void> {
    await page.keyboard.press(`${modifier}+P`);
    const input = page.locator(QUICK_INPUT);
    await input.waitFor();
    const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: name }).first();
    // A file created a moment ago may not be in the search index yet: ask again until it is.
    for (let attempt = 0; ; attempt++) {
        await input.fill('');
        await input.fill(name);
        try {
            await row.waitFor({ timeout: 3000 });
            break;
        } catch (error) {
            if (attempt >= 8) throw error;
        }
    }
    await row.click();
    await activeTab(page, name).waitFor();
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** The active tab of a group showing `name`. */
export function activeTab(page: Page, name: string) {
    return page.locator(`.tab.active[data-resource-name="${name}"]`).first();
}

/** Puts the cursor at a 1-based line and column with Go to Line. */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
    await page.keyboard.press(`${modifier}+G`);
    const input = page.locator(QUICK_INPUT);
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
}

/** The rows of the Problems view, opening it when needed. */
export async function problems(page: Page): Promise<string[]> {
    if (!(await page.locator('.markers-panel').isVisible())) {
        await runCommand(page, 'View: Focus Problems');
        await page.locator('.markers-panel').waitFor();
    }
    return page.locator('.markers-panel .monaco-list-row').allInnerTexts();
}

/** The cursor position the status bar shows, as [line, column]. */
export async function cursorPosition(page: Page): Promise<[number, number]> {
    const text = await page.locator('#status\\.editor\\.selection').innerText();
    const match = /Ln (\d+), Col (\d+)/.exec(text);
    return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}
