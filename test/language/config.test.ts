import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRuleConfig } from '../../src/language/config/rule-config.js';
import { loadWorkspace } from '../../src/cli/load-workspace.js';
import { breakClean, check } from '../helpers.js';

const UNRECOVERED = breakClean('      recover "Apologise"\n        owner clerk\n', '');

describe('cycle.config.json', () => {
    it('reads severities and names every bad entry without dropping the good ones', () => {
        const config = parseRuleConfig(JSON.stringify({ rules: { 'critical-without-recovery': 'off', 'leading-question': 'error', 'no-such-rule': 'off', 'missing-stage': 'loud' } }), 'cycle.config.json');
        expect([...config.severities]).toEqual([['critical-without-recovery', 'off'], ['leading-question', 'error']]);
        expect(config.problems).toHaveLength(2);
        expect(config.problems[0]).toMatch(/unknown rule "no-such-rule"/);
        expect(config.problems[1]).toMatch(/"missing-stage" is set to "loud"/);
    });

    it('reads the survey settings, defaults them, and names a wrong type or range', () => {
        expect(parseRuleConfig('{}', 'c.json').survey).toEqual({ csatTarget: 0.8, minResponses: 30 });
        const good = parseRuleConfig(JSON.stringify({ survey: { csatTarget: 0.9, minResponses: 50 } }), 'c.json');
        expect(good.survey).toEqual({ csatTarget: 0.9, minResponses: 50 });
        expect(good.problems).toEqual([]);
        const bad = parseRuleConfig(JSON.stringify({ survey: { csatTarget: 80, minResponses: 'thirty', target: 1 } }), 'c.json');
        expect(bad.survey).toEqual({ csatTarget: 0.8, minResponses: 30 });
        expect(bad.problems).toEqual([
            expect.stringMatching(/"survey.csatTarget" is 80; use a share above 0 and at most 1/),
            expect.stringMatching(/"survey.minResponses" is "thirty"; use a whole number/),
            expect.stringMatching(/unknown survey setting "target"/)
        ]);
        expect(parseRuleConfig(JSON.stringify({ survey: 0.8 }), 'c.json').problems[0]).toMatch(/"survey" must be an object/);
    });

    it('says so when the file is not JSON', () => {
        expect(parseRuleConfig('{ rules: ', 'x.json').problems[0]).toMatch(/not valid JSON/);
    });

    it('is found in the file\'s folder or any parent, and overrides severities', async () => {
        const root = mkdtempSync(join(tmpdir(), 'cycle-config-'));
        mkdirSync(join(root, 'team', 'cycles'), { recursive: true });
        writeFileSync(join(root, 'cycle.config.json'), JSON.stringify({ rules: { 'critical-without-recovery': 'error' } }));
        writeFileSync(join(root, 'team', 'cycles', 'a.cycle'), UNRECOVERED);
        writeFileSync(join(root, 'other.cycle'), UNRECOVERED);
        const workspace = await loadWorkspace([root]);
        for (const file of workspace.files) {
            const hit = file.diagnostics.find(d => d.code === 'critical-without-recovery');
            expect(hit?.severity, file.source.absolutePath).toBe(1);
        }
        // The nearest file wins.
        writeFileSync(join(root, 'team', 'cycle.config.json'), JSON.stringify({ rules: { 'critical-without-recovery': 'off' } }));
        const again = await loadWorkspace([root]);
        const nested = again.files.find(f => f.source.absolutePath.endsWith('a.cycle'))!;
        expect(nested.diagnostics.some(d => d.code === 'critical-without-recovery')).toBe(false);
        const top = again.files.find(f => f.source.absolutePath.endsWith('other.cycle'))!;
        expect(top.diagnostics.some(d => d.code === 'critical-without-recovery')).toBe(true);
    });
});

describe('# ignore: comments', () => {
    it('silence the codes for the element below and everything inside it', async () => {
        const ignored = UNRECOVERED.replace('  moment m2 "Gets it done"', '  # ignore: critical-without-recovery\n  moment m2 "Gets it done"');
        expect((await check(ignored)).found.filter(f => f.startsWith('critical-without-recovery'))).toEqual([]);
    });

    it('accept several codes and a comment block above', async () => {
        const text = breakClean('    wait limit 10 min\n', '').replace('      recover "Apologise"\n        owner clerk\n', '')
            .replace('  moment m2 "Gets it done"', '  # the wait is not ours to limit\n  # ignore: critical-without-recovery, wait-without-limit\n  moment m2 "Gets it done"');
        const found = (await check(text)).found;
        expect(found.filter(f => f.startsWith('critical-without-recovery') || f.startsWith('wait-without-limit'))).toEqual([]);
    });

    it('do nothing across a blank line, or for other codes, or for other elements', async () => {
        const gap = UNRECOVERED.replace('  moment m2 "Gets it done"', '  # ignore: critical-without-recovery\n\n  moment m2 "Gets it done"');
        expect((await check(gap)).found).toContain('critical-without-recovery@m2');
        const other = UNRECOVERED.replace('  moment m2 "Gets it done"', '  # ignore: missing-stage\n  moment m2 "Gets it done"');
        expect((await check(other)).found).toContain('critical-without-recovery@m2');
        const elsewhere = UNRECOVERED.replace('  moment m1 "First contact"', '  # ignore: critical-without-recovery\n  moment m1 "First contact"');
        expect((await check(elsewhere)).found).toContain('critical-without-recovery@m2');
    });

    it('on a cycle, silence its cycle-level codes', async () => {
        const text = breakClean('  stage maturity\n', '').replace('cycle base', '# ignore: missing-stage\ncycle base');
        expect((await check(text)).found.filter(f => f.startsWith('missing-stage'))).toEqual([]);
    });
});
