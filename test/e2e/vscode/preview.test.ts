import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import parsePdf from 'pdf-parse/lib/pdf-parse.js';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module shared with scripts/e2e.mjs
import { E2E } from '../../../scripts/e2e/tools.mjs';
import { startCodeServer, type CodeServer } from './code-server.js';
import { cursorPosition, goTo, launchBrowser, openFile, openWorkbench, runCommand, screenshot } from './workbench.js';

/** The live diagram beside the editor, in a real VS Code workbench. */
let server: CodeServer;
let context: BrowserContext;
let page: Page;
let current = '';

const preview = (): FrameLocator => page.frameLocator('iframe.webview').frameLocator('#active-frame');
const lineOf = (startsWith: string) => readFileSync(join(server.workspace, 'bank-check-cashing.cycle'), 'utf8').split('\n').findIndex(l => l.startsWith(startsWith)) + 1;

beforeAll(async () => {
    // Typing tests type exactly what they say: no auto-indent, no auto-closed quotes, no suggestion taking the Enter key.
    server = await startCodeServer('preview', {
        'editor.autoIndent': 'none', 'editor.autoClosingQuotes': 'never', 'editor.autoClosingBrackets': 'never',
        'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' }, 'editor.suggestOnTriggerCharacters': false,
        'editor.acceptSuggestionOnEnter': 'off', 'editor.inlineSuggest.enabled': false, 'editor.wordBasedSuggestions': 'off',
        'editor.useTabStops': false
    });
    context = await launchBrowser(server);
    page = await openWorkbench(context, server);
}, 120_000);

afterEach(async ctx => {
    if (!page) return;
    const shot = await screenshot(page, current || 'preview');
    if (ctx.task.result?.state === 'fail') console.error(`e2e: "${ctx.task.name}" failed; screenshot ${shot}; code-server log ${server.log}`);
});

afterAll(async () => {
    await context?.close();
    await server?.stop();
});

describe('the diagram preview in VS Code (code-server)', () => {
    it('6. opens beside the bank example and shows fifteen moments, three of them critical', async () => {
        current = '6-preview-open';
        await openFile(page, 'bank-check-cashing.cycle');
        await expect.poll(() => page.locator('#status\\.editor\\.mode').innerText(), { timeout: 30_000 }).toBe('Service Cycle');
        await runCommand(page, 'Cycle: Open Preview to the Side');
        await expect.poll(() => preview().locator('[data-moment]').count(), { timeout: 60_000 }).toBe(15);
        expect(await preview().locator('.moment.critical').count()).toBe(3);
        expect(await preview().locator('.moment.unmitigated').count()).toBe(1);
        expect(await preview().locator('svg title').first().textContent()).toContain('Cashing a check at a bank branch');
        // The other views, from the switcher.
        await preview().locator('button[data-view="blueprint"]').click();
        await expect.poll(() => preview().locator('svg.view-blueprint').count()).toBe(1);
        await screenshot(page, '6-preview-blueprint');
        await preview().locator('button[data-view="journey"]').click();
        await expect.poll(() => preview().locator('svg.view-journey').count()).toBe(1);
        await screenshot(page, '6-preview-journey');
        await preview().locator('button[data-view="clock"]').click();
        await expect.poll(() => preview().locator('svg.view-clock').count()).toBe(1);
    });

    it('6b. the plan view, the blueprint as a slide and the clock with its detail callouts', async () => {
        // (Named apart from the screenshots below, which the one after the test would replace.)
        current = '6b-preview-views';
        // The plan: requirements → actions with owners and due dates, the ranked priority areas.
        await preview().locator('button[data-view="plan"]').click();
        await expect.poll(() => preview().locator('svg.view-plan').count()).toBe(1);
        const plan = await preview().locator('svg.view-plan').textContent() ?? '';
        for (const text of ['Requirements → actions', 'Roster a floating teller on paydays', 'owner: Teller · due: 2027-03-31', 'Priority areas', 'Cash handling at the window']) {
            expect(plan, text).toContain(text);
        }
        expect(await preview().locator('button[data-view="plan"]').getAttribute('aria-pressed')).toBe('true');
        await screenshot(page, '6b-preview-plan');

        // The blueprint: the method's lanes with roles by label, one "no prevention" tag,
        // three fail points, no empty frontstage card, and a slide's proportions.
        await preview().locator('button[data-view="blueprint"]').click();
        await expect.poll(() => preview().locator('svg.view-blueprint').count()).toBe(1);
        const blueprint = preview().locator('svg.view-blueprint');
        const lanes = await blueprint.locator('.lane-name').allTextContents();
        for (const lane of ['Physical evidence', 'Customer actions', 'Floor employee', 'Teller', 'Backstage', 'Support processes']) expect(lanes).toContain(lane);
        // Fifteen moments wrap into two rows, each with the method's lines.
        expect(await blueprint.locator('.line-of-visibility-name').allTextContents()).toEqual(['line of visibility', 'line of visibility']);
        expect(await blueprint.locator('.no-prevention-tag').count()).toBe(1);
        expect(await blueprint.locator('[data-moment="told-take-number"] .no-prevention-tag').count()).toBe(1);
        expect(await blueprint.locator('.fail-point').count()).toBe(3);
        // Moments 11, 12 and 14 are met by the teller with nothing more said: a dot, not an empty card.
        expect(await blueprint.locator('.frontstage-contact').count()).toBe(3);
        const box = (await blueprint.getAttribute('viewBox'))!.split(' ').map(Number);
        expect(box[2] / box[3]).toBeLessThanOrEqual(16 / 9 + 0.01);
        await screenshot(page, '6b-preview-blueprint');

        // The clock: no callouts until the Detail toggle, then one per critical moment with owners.
        await preview().locator('button[data-view="clock"]').click();
        await expect.poll(() => preview().locator('svg.view-clock').count()).toBe(1);
        expect(await preview().locator('svg.view-clock .callout').count()).toBe(0);
        expect(await preview().locator('svg.view-clock .no-prevention-tag').count()).toBe(1);
        await preview().locator('#detail').click();
        await expect.poll(() => preview().locator('svg.view-clock .callout').count()).toBe(3);
        expect(await preview().locator('#detail').getAttribute('aria-pressed')).toBe('true');
        const callouts = (await preview().locator('svg.view-clock .callout').allTextContents()).join(' | ');
        expect(callouts).toContain('risk: The employee answers as if');
        expect(callouts).toContain('prevent: —');
        expect(callouts).toContain('(Branch manager)');
        await screenshot(page, '6b-preview-clock-detail');
        // Off again, for the scenarios after this one.
        await preview().locator('#detail').click();
        await expect.poll(() => preview().locator('svg.view-clock .callout').count()).toBe(0);
    });

    it('6c. the survey results the bank example lists are painted: CSAT on the clock, the importance–performance view', async () => {
        current = '6c-preview-results';
        // The current wave (bank-waves/2026-q2.csv) measures five moments, none clearly failing.
        await expect.poll(() => preview().locator('svg.view-clock .csat-ring').count(), { timeout: 30_000 }).toBe(5);
        expect(await preview().locator('svg.view-clock .failing-tag').count()).toBe(0);
        expect(await preview().locator('svg.view-clock').textContent()).toContain('CSAT 89% n=346');
        await preview().locator('button[data-view="ipa"]').click();
        await expect.poll(() => preview().locator('svg.view-ipa').count()).toBe(1);
        expect(await preview().locator('svg.view-ipa [data-moment]').count()).toBe(5);
        await screenshot(page, '6c-preview-ipa');
        await preview().locator('button[data-view="clock"]').click();
        await expect.poll(() => preview().locator('svg.view-clock').count()).toBe(1);
    });

    it('7. a moment typed in the editor appears in the diagram without saving', async () => {
        current = '7-preview-typing';
        await page.locator('.editor-group-container').first().click();
        await openFile(page, 'bank-check-cashing.cycle');
        await goTo(page, lineOf('  moment ride-home'), 1);
        await page.keyboard.type('  moment new-step "A step typed just now"\n');
        await expect.poll(() => preview().locator('[data-moment]').count(), { timeout: 30_000 }).toBe(16);
        await expect.poll(() => preview().locator('[data-moment="new-step"] title').textContent()).toBe('A step typed just now');
        expect(readFileSync(join(server.workspace, 'bank-check-cashing.cycle'), 'utf8')).not.toContain('new-step'); // not saved
        // Half typed: the last good diagram stays, with a notice.
        await page.keyboard.type('  moment "');
        await expect.poll(() => preview().locator('#notice').isVisible(), { timeout: 30_000 }).toBe(true);
        expect(await preview().locator('[data-moment]').count()).toBe(16);
        await screenshot(page, '7-preview-notice');
        for (let i = 0; i < '  moment "'.length; i++) await page.keyboard.press('Backspace');
        await expect.poll(() => preview().locator('#notice').isVisible(), { timeout: 30_000 }).toBe(false);
    });

    it('8. clicking a moment in the diagram selects it in the source', async () => {
        current = '8-preview-click';
        await preview().locator('[data-moment="receive-cash"] .marker').click();
        // The id is selected, the cursor at its end.
        await expect.poll(() => cursorPosition(page), { timeout: 20_000 }).toEqual([lineOf('  moment receive-cash'), 10 + 'receive-cash'.length]);
        // And the cursor in the source highlights its moment in the diagram.
        await goTo(page, lineOf('  moment wait-turn') + 2, 5);
        await expect.poll(() => preview().locator('[data-moment="wait-turn"].selected').count(), { timeout: 20_000 }).toBe(1);
    });

    it('9. exports the diagram as SVG', async () => {
        current = '9-preview-export';
        // The save dialog proposes the file's own name with .svg, beside it: accept it.
        const target = join(server.workspace, 'bank-check-cashing.svg');
        await preview().locator('#export-svg').click();
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: 20_000 });
        await expect.poll(() => input.inputValue(), { timeout: 20_000 }).toContain('bank-check-cashing.svg');
        await screenshot(page, '9-preview-export-dialog');
        await page.keyboard.press('Enter');
        // The file appears before its bytes do: wait for them, not for the name.
        await expect.poll(() => existsSync(target) && statSync(target).size > 0, { timeout: 20_000 }).toBe(true);
        const svg = readFileSync(target, 'utf8');
        expect(svg).toContain('data-moment="told-take-number"');
        expect((svg.match(/data-moment=/g) ?? []).length).toBe(16); // with the moment typed, unsaved
        expect(svg).not.toContain('selected');
    });

    it('9b. exports the diagram as PNG, drawn by the preview itself', async () => {
        current = '9b-preview-export-png';
        const target = join(server.workspace, 'bank-check-cashing.png');
        await preview().locator('#export-png').click();
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: 20_000 });
        await expect.poll(() => input.inputValue(), { timeout: 20_000 }).toContain('bank-check-cashing.png');
        await page.keyboard.press('Enter');
        // The file appears before its bytes do: wait for them, not for the name.
        await expect.poll(() => existsSync(target) && statSync(target).size > 0, { timeout: 20_000 }).toBe(true);
        const png = readFileSync(target);
        expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
        expect(png.readUInt32BE(16)).toBeGreaterThan(1000); // twice the diagram's width
    });

    it('9c. comes back after a window reload', async () => {
        current = '9c-preview-reload';
        await page.reload();
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        // The workbench restores the panel through the extension's serializer; the page asks for its model.
        await expect.poll(() => preview().locator('svg [data-moment]').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(15);
        expect(await page.locator('.tab').filter({ hasText: 'Preview bank-check-cashing.cycle' }).count()).toBe(1);
    });

    it('measures keystroke → repainted preview on the bank example (median of 20 edits)', async () => {
        current = '10-preview-latency';
        await page.locator('.editor-group-container').first().click();
        // Unsaved, the new moment sits on the line where `ride-home` is on disk.
        await goTo(page, lineOf('  moment ride-home'), 1);
        await page.keyboard.press('End');
        await page.keyboard.press('ArrowLeft'); // inside the label, before the closing quote
        const outer = await (await page.locator('iframe.webview').elementHandle())!.contentFrame();
        const frame = await (await outer!.locator('#active-frame').elementHandle())!.contentFrame();
        const latencies: number[] = [];
        for (let i = 0; i < 20; i++) {
            const expected = `A step typed just now${'x'.repeat(i + 1)}`;
            const started = Date.now();
            await page.keyboard.type('x');
            // Polled on every animation frame inside the preview: the time until it is painted.
            await frame!.waitForFunction(text => document.querySelector('[data-moment="new-step"] title')?.textContent === text, expected, { polling: 'raf', timeout: 10_000 });
            latencies.push(Date.now() - started);
        }
        const sorted = [...latencies].sort((a, b) => a - b);
        const median = sorted[10];
        writeFileSync(join(E2E, 'preview-latency.json'), JSON.stringify({ file: 'bank-check-cashing.cycle', edits: 20, medianMs: median, p95Ms: sorted[18], latencies }, null, 2));
        console.log(`e2e: keystroke → repainted preview, median ${median} ms, p95 ${sorted[18]} ms (20 edits)`);
        expect(latencies).toHaveLength(20);
    });

    it('11. "Compare with HEAD" shows the semantic diff beside the visual diff', async () => {
        current = '11-compare-with-head';
        const run = (...args: string[]) => {
            const result = spawnSync('git', args, { cwd: server.workspace, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.invalid', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.invalid' } });
            if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
        };
        run('init', '-q');
        run('add', 'restaurant.cycle', 'team.cycle');
        run('commit', '-q', '-m', 'before');
        const file = join(server.workspace, 'restaurant.cycle');
        const changed = readFileSync(file, 'utf8')
            .replace('      prevent "Read the order back to the table"\n        owner waiter\n', '')
            .replace('    wait limit 25 min\n', '    wait limit 45 min\n');
        writeFileSync(file, changed);
        await openFile(page, 'restaurant.cycle');
        await runCommand(page, 'Cycle: Compare with HEAD');
        const view = page.frameLocator('iframe.webview').last().frameLocator('#active-frame');
        await expect.poll(() => view.locator('.risks li').allInnerTexts(), { timeout: 30_000 }).toEqual([
            'order loses the only prevent mitigation: "Read the order back to the table" (owner waiter)',
            'the wait limit of wait-food went from 25 min to 45 min'
        ]);
        expect(await view.locator('.visual svg .moment.diff-changed').count()).toBe(2);
        expect(await view.locator('.changes li').count()).toBe(2);
    });

    it('12. "Export Report…" saves the PDF of the file beside it and offers to open it', async () => {
        current = '12-export-report-done';
        const source = readFileSync(join(server.workspace, 'pizza-delivery.ru.cycle'), 'utf8');
        const target = join(server.workspace, 'pizza-delivery.ru.pdf');
        await openFile(page, 'pizza-delivery.ru.cycle');
        await runCommand(page, 'Cycle: Export Report…');
        // The save dialog proposes the file's own name as a PDF, beside it: accept it.
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: 20_000 });
        await expect.poll(() => input.inputValue(), { timeout: 20_000 }).toContain('pizza-delivery.ru.pdf');
        await page.keyboard.press('Enter');
        const toast = page.locator('.notification-toast').filter({ hasText: 'Report written to pizza-delivery.ru.pdf.' });
        await toast.waitFor({ timeout: 60_000 });
        expect(await toast.locator('.monaco-button').filter({ hasText: 'Open' }).count()).toBe(1);
        await screenshot(page, '12-export-report');
        const pdf = readFileSync(target);
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        // Every critical moment's risk is in it as text, in Russian, with the Russian headings.
        const text = (await parsePdf(pdf)).text.replace(/\s+/g, '');
        for (const risk of source.matchAll(/risk "([^"]+)"/g)) expect(text, risk[1]).toContain(risk[1].replace(/\s+/g, ''));
        expect(text).toContain('Критическиемоменты');
        expect(readFileSync(join(server.workspace, 'pizza-delivery.ru.cycle'), 'utf8')).toBe(source);
    });

    it('12b. "Export Report…" on a file with unsaved changes asks before saving, and cancelled writes nothing', async () => {
        current = '12b-export-report-cancelled';
        const onDisk = readFileSync(join(server.workspace, 'bank-check-cashing.cycle'), 'utf8');
        await openFile(page, 'bank-check-cashing.cycle'); // typed into by the scenarios above, never saved
        await runCommand(page, 'Cycle: Export Report…');
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor({ timeout: 20_000 });
        expect(await dialog.innerText()).toContain('bank-check-cashing.cycle has unsaved changes; the report is made from the saved file.');
        expect(await dialog.locator('.monaco-button').filter({ hasText: 'Save and Export' }).count()).toBe(1);
        await screenshot(page, '12b-export-report-unsaved');
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        await page.waitForTimeout(1000);
        expect(await page.locator('.quick-input-widget input').isVisible()).toBe(false); // no save dialog
        expect(existsSync(join(server.workspace, 'bank-check-cashing.pdf'))).toBe(false);
        expect(readFileSync(join(server.workspace, 'bank-check-cashing.cycle'), 'utf8')).toBe(onDisk);
    });
});
