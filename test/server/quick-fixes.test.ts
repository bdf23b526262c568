import { describe, expect, it, vi } from 'vitest';
import { applyAction, bank, fixesFor, lspWorkspace, SMALL } from './lsp-helpers.js';

describe('quick fixes', () => {
    async function fix(text: string, code: string, title: RegExp, ...others: string[]): Promise<{ after: string; codesAfter: string[] }> {
        const ws = lspWorkspace();
        const [document] = await ws.open(text, ...others);
        const [found] = await fixesFor(ws.services, document, code);
        expect(found, `a ${code} diagnostic`).toBeDefined();
        const action = found.actions.find(a => title.test(a.title));
        expect(action, `a fix titled ${title} among ${found.actions.map(a => a.title).join(', ')}`).toBeDefined();
        const after = applyAction(document, action!);
        const again = lspWorkspace();
        const [fixed] = await again.open(after, ...others);
        return { after, codesAfter: (fixed.diagnostics ?? []).map(d => String(d.code)) };
    }

    it('an unresolved reference offers the nearest visible name first, then creating the role', async () => {
        const { after, codesAfter } = await fix(SMALL.replace('    by clerk\n', '    by clrek\n'), 'unresolved-reference', /^Change to `clerk`$/);
        expect(after).toContain('    by clerk\n');
        expect(codesAfter).not.toContain('unresolved-reference');
        const ws = lspWorkspace();
        const [document] = await ws.open(SMALL.replace('    by clerk\n', '    by clrek\n'));
        const [found] = await fixesFor(ws.services, document, 'unresolved-reference');
        expect(found.actions.map(a => [a.title, Boolean(a.isPreferred)])).toEqual([['Change to `clerk`', true], ['Create role `clrek` in cycle `c`', false], ['Create role `clrek` at the top level (visible in every file)', false]]);
    });

    it('"Add a prevent mitigation" inserts indented lines with an owner, and the warning goes', async () => {
        const { after, codesAfter } = await fix(bank, 'critical-unmitigated', /^Add a prevent mitigation$/);
        expect(after).toContain([
            '      risk "The employee answers as if it were obvious what to do"',
            '      prevent "Say how this incident is prevented"',
            '        owner greeter',
            '  moment wait-turn'
        ].join('\n'));
        expect(codesAfter).not.toContain('critical-unmitigated');
        expect(codesAfter).not.toContain('syntax-error');
    });

    it('"Add prevent and recover mitigations" inserts both', async () => {
        const { after, codesAfter } = await fix(bank, 'critical-unmitigated', /prevent and recover/);
        expect(after).toMatch(/      prevent "[^"]+"\n        owner greeter\n      recover "[^"]+"\n        owner greeter\n  moment wait-turn/);
        expect(codesAfter).not.toContain('critical-unmitigated');
        expect(codesAfter).not.toContain('critical-without-recovery');
    });

    it('follows the file\'s own indentation step', async () => {
        const fourSpaces = 'cycle c "x"\n    goal "g"\n    moment m "M"\n        critical\n            risk "r"\n';
        const { after } = await fix(fourSpaces, 'critical-unmitigated', /^Add a prevent mitigation$/);
        expect(after).toContain('            risk "r"\n            prevent "Say how this incident is prevented"\n                owner owner-to-name');
    });

    it('gives a new mitigation or owner a role that exists: the moment\'s `by`, a role of the cycle, else a top-level role', async () => {
        const bare = 'cycle c "x"\n  goal "g"\n  moment m "M"\n    critical\n      risk "r"\n';
        const team = 'role auditor "Auditor"\n';
        for (const title of [/^Add a prevent mitigation$/, /prevent and recover/]) {
            const { after, codesAfter } = await fix(bare, 'critical-unmitigated', title, team);
            expect(after).toContain('      prevent "Say how this incident is prevented"\n        owner auditor');
            expect(codesAfter).not.toContain('unresolved-reference');
        }
        const sameFile = await fix('role host "Host"\n\n' + bare, 'critical-unmitigated', /^Add a prevent mitigation$/, team);
        expect(sameFile.after).toContain('        owner host');
        const withRole = await fix(bare.replace('  goal "g"\n', '  goal "g"\n  role clerk "Clerk"\n'), 'critical-unmitigated', /^Add a prevent mitigation$/, team);
        expect(withRole.after).toContain('        owner clerk');
        const withBy = await fix(bare.replace('    critical\n', '    by auditor\n    critical\n').replace('  goal "g"\n', '  goal "g"\n  role clerk "Clerk"\n'), 'critical-unmitigated', /^Add a prevent mitigation$/, team);
        expect(withBy.after).toContain('        owner auditor');
        const ownerless = await fix(bare + '      prevent "p"\n', 'mitigation-without-owner', /Add an owner/, team);
        expect(ownerless.after).toContain('      prevent "p"\n        owner auditor\n');
        expect(ownerless.codesAfter).not.toContain('unresolved-reference');
        expect(ownerless.codesAfter).not.toContain('mitigation-without-owner');
    });

    it('corrects a quality and a channel to the nearest name', async () => {
        const quality = await fix(SMALL.replace('    by clerk\n', '    by clerk\n    quality curtesy\n'), 'unknown-quality', /courtesy/);
        expect(quality.after).toContain('    quality courtesy\n');
        expect(quality.codesAfter).not.toContain('unknown-quality');
        const channel = await fix(SMALL.replace('    by clerk\n', '    by clerk\n    channel phnoe\n'), 'unknown-channel', /phone/);
        expect(channel.after).toContain('    channel phone\n');
    });

    it('offers each close name as its own fix, the one that sounds alike first and preferred', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(SMALL.replace('    by clerk\n', '    by clerk\n    channel fone\n'));
        const [found] = await fixesFor(ws.services, document, 'unknown-channel');
        expect(found.actions.map(a => [a.title, a.isPreferred])).toEqual([['Change to `phone`', true], ['Change to `none`', false]]);
    });

    it('corrects a misspelt code in an ignore comment', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(SMALL.replace('  moment ', '  # ignore: critical-without-recovry\n  moment '));
        const [found] = await fixesFor(ws.services, document, 'unknown-ignore-code');
        expect(String(found.diagnostic.message)).toMatch(/silences nothing: did you mean `critical-without-recovery`/);
        expect(found.actions.map(a => [a.title, a.isPreferred])[0]).toEqual(['Change to `critical-without-recovery`', true]);
    });

    it('offers no wait limit, and does not fail, while the target is half typed', async () => {
        const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        try {
            const ws = lspWorkspace();
            const [document] = await ws.open(SMALL.replace('    by clerk\n', '    by clerk\n    wait target 5\n'));
            const found = await fixesFor(ws.services, document, 'wait-without-limit');
            expect(found.flatMap(f => f.actions)).toEqual([]);
            expect(errors).not.toHaveBeenCalled();
        } finally {
            errors.mockRestore();
        }
    });

    it('creates a missing role in the cycle or at the top level', async () => {
        const text = SMALL.replace('    by clerk\n', '    by cashier\n');
        const inCycle = await fix(text, 'unresolved-reference', /in cycle/);
        expect(inCycle.after).toContain('  role clerk "Clerk"\n  role cashier "Cashier"\n');
        expect(inCycle.codesAfter).not.toContain('unresolved-reference');
        const topLevel = await fix(text, 'unresolved-reference', /top level/);
        expect(topLevel.after.startsWith('role cashier "Cashier"\n\ncycle c')).toBe(true);
        expect(topLevel.codesAfter).not.toContain('unresolved-reference');
    });

    it('adds `achieves goal`, an area to priorities, a wait limit', async () => {
        const goal = await fix(SMALL, 'goal-never-achieved', /achieving the goal/);
        expect(goal.after).toContain('  moment second "Second"\n    achieves goal\n');
        expect(goal.codesAfter).not.toContain('goal-never-achieved');

        const areas = SMALL + '  area a1 "A1"\n    because importance\n  area a2 "A2"\n    because importance\n  priorities\n    - a1\n';
        const ranked = await fix(areas, 'area-not-prioritized', /Rank `a2`/);
        expect(ranked.after).toContain('  priorities\n    - a1\n    - a2\n');
        expect(ranked.codesAfter).not.toContain('area-not-prioritized');
        const noBlock = await fix(SMALL + '  area a1 "A1"\n    because importance\n', 'area-not-prioritized', /Add priorities/);
        expect(noBlock.after).toContain('  area a1 "A1"\n    because importance\n  priorities\n    - a1\n');

        const waits = await fix(SMALL.replace('    by clerk\n', '    by clerk\n    wait target 10 min\n'), 'wait-without-limit', /wait limit/);
        expect(waits.after).toContain('    wait target 10 min\n    wait limit 20 min\n');
        expect(waits.codesAfter).not.toContain('wait-without-limit');
        const hours = await fix(SMALL.replace('    by clerk\n', '    by clerk\n    wait target 1 hour\n'), 'wait-without-limit', /wait limit/);
        expect(hours.after).toContain('    wait target 1 hour\n    wait limit 2 hours\n');
        const days = await fix(SMALL.replace('    by clerk\n', '    by clerk\n    wait target 3 days\n'), 'wait-without-limit', /wait limit \(6 days/);
        expect(days.after).toContain('    wait limit 6 days\n');
        // Whole words follow the number; abbreviations stay as written.
        const minute = await fix(SMALL.replace('    by clerk\n', '    by clerk\n    wait target 1 minute\n'), 'wait-without-limit', /wait limit/);
        expect(minute.after).toContain('    wait target 1 minute\n    wait limit 2 minutes\n');
        const second = await fix(SMALL.replace('    by clerk\n', '    by clerk\n    wait target 1 second\n'), 'wait-without-limit', /wait limit/);
        expect(second.after).toContain('    wait limit 2 seconds\n');
        const secs = await fix(SMALL.replace('    by clerk\n', '    by clerk\n    wait target 30 secs\n'), 'wait-without-limit', /wait limit/);
        expect(secs.after).toContain('    wait limit 60 secs\n');
    });

    it('fuzz (seed 1605810777): in a file with old Mac (CR) or Windows (CRLF) line endings, fixes insert inside the text with the file\'s own line ending', async () => {
        for (const eol of ['\r', '\r\n']) {
            const text = bank.replace(/\n/g, eol);
            const ws = lspWorkspace();
            const [document] = await ws.open(text);
            for (const [code, title] of [['critical-unmitigated', /prevent and recover/], ['unresolved-reference', /in cycle/], ['unresolved-reference', /top level/]] as const) {
                const source = code === 'unresolved-reference' ? text.replace(`    by greeter${eol}`, `    by doorman${eol}`) : text;
                const fixWs = lspWorkspace();
                const [fixDocument] = await fixWs.open(source);
                const [found] = await fixesFor(fixWs.services, fixDocument, code);
                const action = found.actions.find(a => title.test(a.title))!;
                for (const edit of action.edit!.changes![fixDocument.textDocument.uri]) {
                    const lineLength = source.split(/\r\n|\r|\n/)[edit.range.start.line].length;
                    expect(edit.range.start.character, `${code} with ${JSON.stringify(eol)}`).toBeLessThanOrEqual(lineLength);
                }
                const after = applyAction(fixDocument, action);
                // One kind of line ending throughout, as the file had.
                expect(after.replaceAll(eol, '').match(/[\r\n]/g), `${code} with ${JSON.stringify(eol)}`).toBeNull();
            }
            expect(document.diagnostics?.map(d => d.code)).toContain('critical-unmitigated');
        }
    });
});
