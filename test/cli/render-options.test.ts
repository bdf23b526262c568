import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/* The options issue 14 adds to `cycle render`: --view plan, --today, --detail, --lang, --width. */

const BANK = 'examples/bank-check-cashing.cycle';

describe('cycle render: plan, detail, language and width', () => {
    it('--view plan draws requirements → actions and the priority areas, overdue against --today', () => {
        const late = runCli(['render', BANK, '--view', 'plan', '--today', '2027-06-01']);
        expect(late.status).toBe(0);
        expect(late.stdout).toContain('class="cycle-diagram view-plan');
        expect(late.stdout).toContain('>OVERDUE</text>');
        expect(late.stdout).toContain('>as of 2027-06-01</text>');
        const early = runCli(['render', BANK, '--view', 'plan', '--today', '2027-01-01']);
        expect(early.stdout).not.toContain('OVERDUE');
        expect(runCli(['render', BANK, '--view', 'plan', '--today', '2027-02-30']).status).toBe(2);
    });

    it('--detail adds the callouts of the critical moments', () => {
        expect(runCli(['render', BANK]).stdout).not.toContain('class="callout"');
        const detailed = runCli(['render', BANK, '--detail']);
        expect((detailed.stdout.match(/class="callout"/g) ?? []).length).toBe(3);
        expect(detailed.stdout).toContain('(Branch manager)');
    });

    it('--lang overrides the words of the diagram', () => {
        const russian = runCli(['render', BANK, '--lang', 'ru']);
        expect(russian.status).toBe(0);
        expect(russian.stdout).toContain('>ЦЕЛЬ</text>');
        expect(russian.stdout).toContain('нет предотвращения');
        expect(runCli(['render', BANK, '--lang', 'fr']).status).toBe(2);
    });

    it('--width sets the blueprint\'s width; too narrow a width is bad usage', () => {
        expect(runCli(['render', BANK, '--view', 'blueprint', '--width', '1200']).stdout).toMatch(/^<svg [^>]*width="1200"/);
        expect(runCli(['render', BANK, '--view', 'blueprint', '--width', '50']).status).toBe(2);
    });
});
