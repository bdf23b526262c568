import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCodeServer, type CodeServer } from './code-server.js';
import { activeTab, cursorPosition, goTo, launchBrowser, openFile, openWorkbench, problems, runCommand, screenshot, step } from './workbench.js';

/**
 * The packaged extension in a real VS Code workbench (code-server in Debian's
 * Chromium), asserting on what is on screen. Every scenario leaves a screenshot in
 * .e2e/screenshots/; a failure also names the code-server log.
 */
let server: CodeServer;
let context: BrowserContext;
let page: Page;
let current = '';

const lineOf = (file: string, startsWith: string) => readFileSync(join(server.workspace, file), 'utf8').split('\n').findIndex(l => l.startsWith(startsWith)) + 1;

beforeAll(async () => {
    server = await startCodeServer('extension');
    context = await launchBrowser(server);
    page = await openWorkbench(context, server);
}, 120_000);

afterEach(async ctx => {
    if (!page) return;
    const shot = await screenshot(page, current || 'scenario');
    if (ctx.task.result?.state === 'fail') {
        console.error(`e2e: "${ctx.task.name}" failed; screenshot ${shot}; code-server log ${server.log}`);
    }
});

afterAll(async () => {
    await context?.close();
    await server?.stop();
});

async function waitForProblem(text: string, present = true, timeout = 30_000): Promise<string[]> {
    const deadline = Date.now() + timeout;
    let rows: string[] = [];
    while (Date.now() < deadline) {
        rows = await problems(page);
        if (rows.some(r => r.includes(text)) === present) return rows;
        await page.waitForTimeout(500);
    }
    throw new Error(`Problems view ${present ? 'never showed' : 'still shows'} ${text}: ${rows.join(' | ')}`);
}

describe('the extension in VS Code (code-server)', () => {
    it('1. opening the bank example: the cycle language, the warning in Problems on line 35, the code lens', async () => {
        current = '1-open-bank';
        await openFile(page, 'bank-check-cashing.cycle');
        await step(page, '1-opened');
        await expect.poll(() => page.locator('#status\\.editor\\.mode').innerText(), { timeout: 30_000 }).toBe('Service Cycle');
        const line = lineOf('bank-check-cashing.cycle', '  moment told-take-number');
        const rows = await waitForProblem('critical-unmitigated');
        const row = rows.find(r => r.includes('critical-unmitigated'))!;
        expect(row).toContain(`[Ln ${line}, Col 10]`);
        expect(row).toContain('told-take-number');
        await expect.poll(() => page.locator('.codelens-decoration').allInnerTexts(), { timeout: 30_000 })
            .toContain('15 moments · 3 critical · 1 unmitigated');
    });

    it('2. the quick fix "Add a prevent mitigation" inserts the lines and the warning disappears', async () => {
        current = '2-quick-fix';
        await openFile(page, 'bank-check-cashing.cycle');
        await goTo(page, lineOf('bank-check-cashing.cycle', '  moment told-take-number'), 12);
        await runCommand(page, 'Quick Fix...');
        const fix = page.locator('.action-widget .monaco-list-row').filter({ hasText: 'Add a prevent mitigation' });
        await fix.first().waitFor({ timeout: 20_000 });
        await screenshot(page, '2-quick-fix-menu');
        await fix.first().click();
        await waitForProblem('critical-unmitigated', false);
        await page.keyboard.press('Control+S');
        await expect.poll(() => readFileSync(join(server.workspace, 'bank-check-cashing.cycle'), 'utf8'), { timeout: 10_000 })
            .toContain('      risk "The employee answers as if it were obvious what to do"\n      prevent "Say how this incident is prevented"\n        owner greeter\n');
    });

    it('3. completion after `quality ` offers the ten components', async () => {
        current = '3-completion';
        await openFile(page, 'shoe-order.cycle');
        await goTo(page, lineOf('shoe-order.cycle', '    quality communication'), 1);
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        await page.keyboard.type('quality ');
        await page.keyboard.press('Control+Space');
        const rows = page.locator('.suggest-widget .monaco-list-row');
        await rows.first().waitFor({ timeout: 20_000 });
        const labels = (await page.locator('.suggest-widget .monaco-list-row .label-name').allInnerTexts()).map(l => l.trim());
        expect(labels).toEqual(expect.arrayContaining(['security', 'credibility', 'communication', 'understanding', 'accessibility',
            'courtesy', 'professionalism', 'responsiveness', 'reliability', 'tangibles']));
        await screenshot(page, '3-completion-list');
        await page.keyboard.press('Escape');
    });

    it('4. go to definition on a role jumps to its declaration in another file', async () => {
        current = '4-definition';
        await openFile(page, 'restaurant.cycle');
        await goTo(page, lineOf('restaurant.cycle', '        owner shift-manager'), 16);
        await step(page, '4-before-f12');
        await page.keyboard.press('F12');
        await activeTab(page, 'team.cycle').waitFor({ timeout: 20_000 });
        await expect.poll(() => cursorPosition(page)).toEqual([lineOf('team.cycle', 'role shift-manager'), 6]);
    });

    it('5. Format Document turns a badly indented file into canonical form', async () => {
        current = '5-format';
        const messy = 'cycle messy "A messy cycle"\n      goal   "Get it done"\n      moment  m1 "First"\n            feels   4\n\n\n      moment m2 "Second"\n';
        writeFileSync(join(server.workspace, 'messy.cycle'), messy);
        await openFile(page, 'messy.cycle');
        await expect.poll(() => page.locator('#status\\.editor\\.mode').innerText(), { timeout: 30_000 }).toBe('Service Cycle');
        await step(page, '5-before-format');
        await runCommand(page, 'Format Document');
        await page.waitForTimeout(500);
        await page.keyboard.press('Control+S');
        await expect.poll(() => readFileSync(join(server.workspace, 'messy.cycle'), 'utf8'), { timeout: 10_000 })
            .toBe('cycle messy "A messy cycle"\n  goal "Get it done"\n  moment m1 "First"\n    feels 4\n\n  moment m2 "Second"\n');
    });
});
