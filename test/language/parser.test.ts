import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Cycle, Moment } from '../../src/language/generated/ast.js';
import { check } from '../helpers.js';

const bank = readFileSync(new URL('../../examples/bank-check-cashing.cycle', import.meta.url), 'utf8');

function momentsOf(checked: Awaited<ReturnType<typeof check>>): string[] {
    const cycle = checked.document.parseResult.value.elements.find(e => e.$type === 'Cycle') as Cycle | undefined;
    return (cycle?.items.filter(i => i.$type === 'Moment') as Moment[] ?? []).map(m => m.name);
}

function syntaxMessages(checked: Awaited<ReturnType<typeof check>>): string[] {
    return checked.diagnostics.filter(d => d.code === 'syntax-error').map(d => String(d.message));
}

describe('the parser', () => {
    it('reads the whole bank example without a syntax error', async () => {
        const checked = await check(bank);
        expect(syntaxMessages(checked)).toEqual([]);
        expect(momentsOf(checked)).toHaveLength(15);
    });

    it('parses an empty file, an empty cycle and an empty survey', async () => {
        expect(syntaxMessages(await check(''))).toEqual([]);
        const empty = await check('cycle c "Nothing"\n');
        expect(syntaxMessages(empty)).toEqual([]);
        expect(empty.found).toContain('empty-cycle@c');
        const survey = await check('cycle c "x"\n  goal "g"\n  moment m "M"\n  survey s "Empty"\n');
        expect(syntaxMessages(survey)).toEqual([]);
        expect(survey.found).toContain('empty-survey@s');
    });

    it('takes keywords as ids, and labels with escapes', async () => {
        const checked = await check('cycle support "x"\n  goal "g"\n  role goal "A role named goal"\n  moment text "Says \\"hi\\" at C:\\\\temp\\x"\n    by goal\n');
        expect(syntaxMessages(checked)).toEqual([]);
        const cycle = checked.document.parseResult.value.elements[0] as Cycle;
        const moment = cycle.items.find(i => i.$type === 'Moment') as Moment;
        expect(moment.name).toBe('text');
        expect(moment.label).toBe('Says "hi" at C:\\temp\\x');
    });

    it('wants one fact per line', async () => {
        const checked = await check('cycle c "x"\n  goal "g" stage growth\n  moment m "M" by r\n');
        const messages = syntaxMessages(checked);
        expect(messages).toHaveLength(2);
        expect(messages.join('\n')).toMatch(/one fact|own/i);
    });

    it('speaks plain words, never token names', async () => {
        const inputs = [
            'cycle c "x"\n  moment\n    by r\n',
            'cycle c "x"\n  stage grwoth\n',
            'cycle c "x"\n  moment m "M"\n    colour red\n',
            'moment m "M"\n',
            'cycle c "x"\n  customer "a"\n    goal "g"\n',
            'cycle c "x"\n  moment m "M"\n    wait 10 min\n',
            'cycle c "x"\n  survey s "S"\n    question q "Q?"\n      answer choice\n'
        ];
        for (const input of inputs) {
            const messages = syntaxMessages(await check(input));
            expect(messages.length, input).toBeGreaterThan(0);
            for (const message of messages) {
                expect(message, input).not.toMatch(/INDENT|DEDENT|EOF|token|offset|\u200B/);
            }
        }
        const stage = syntaxMessages(await check('cycle c "x"\n  stage grwoth\n'));
        expect(stage[0]).toMatch(/introduction, growth, maturity or decline/);
        const block = syntaxMessages(await check('cycle c "x"\n  moment m "M"\n    colour red\n'));
        expect(block[0]).toMatch(/`colour` does not belong in a moment/);
    });

    it('keeps the moments after a half-typed line and its indented block', async () => {
        const text = [
            'cycle c "x"', '  goal "g"', '  moment a "A"', '  m', '    by teller', '  moment b "B"',
            '    ch', '    feels 3', '  moment', '    by teller', '  moment c "C"', ''
        ].join('\n');
        const checked = await check(text);
        expect(momentsOf(checked)).toEqual(expect.arrayContaining(['a', 'b', 'c']));
        expect(syntaxMessages(checked).length).toBeGreaterThanOrEqual(3);
    });

    it('survives 5,000 broken lines, reporting the first few hundred', async () => {
        const lines = ['cycle c "x"', '  goal "g"', ...Array.from({ length: 5000 }, (_, i) => `  moment m${i} "x" "y" "z"`)];
        const checked = await check(lines.join('\n'));
        const messages = syntaxMessages(checked);
        expect(messages.length).toBeGreaterThan(100);
        expect(messages.length).toBeLessThanOrEqual(302);
        expect(messages.at(-1)).toMatch(/stopped|not listed/);
    });

    it('reports a tab as a syntax error on its line and still reads the file', async () => {
        const checked = await check('cycle c "x"\n  goal "g"\n\tmoment m "M"\n');
        const tab = checked.diagnostics.find(d => d.code === 'syntax-error')!;
        expect(tab.range.start.line).toBe(2);
        expect(momentsOf(checked)).toEqual(['m']);
    });

    it('puts the error for a line that ends too early at its end, not on the next line', async () => {
        const text = 'cycle c "x"\n  goal "g"\n  moment m\n  moment n "n"\n    wait target 5\n    feels 3\n    by\n    channel web\n';
        const checked = await check(text);
        const errors = checked.diagnostics.filter(d => d.code === 'syntax-error');
        const lines = text.split('\n');
        expect(errors.map(d => [d.range.start.line, d.range.start.character])).toEqual([
            [2, lines[2].length], [4, lines[4].length], [6, lines[6].length]
        ]);
        expect(errors.every(d => /found the end of the line/.test(String(d.message)))).toBe(true);
    });

    it('still blames a word that does not belong on its own line', async () => {
        const checked = await check('cycle c "x"\n  goal "g"\n  moment m "M"\n    bogus "x"\n');
        const [error] = checked.diagnostics.filter(d => d.code === 'syntax-error');
        expect(error.range.start).toEqual({ line: 3, character: 4 });
        expect(String(error.message)).toMatch(/`bogus` does not belong in a moment/);
    });

    it('lists the first syntax errors in the file when it cuts the list, whatever found them', async () => {
        // An unterminated label (found by the scanner) above 310 lines the parser rejects.
        const text = 'cycle c "x"\n  goal "g\n  moment m "m"\n' + '    @@\n'.repeat(310);
        const checked = await check(text);
        const errors = checked.diagnostics.filter(d => d.code === 'syntax-error');
        expect(errors[0].range.start.line).toBe(1);
        expect(String(errors[0].message)).toMatch(/quote/i);
        expect(String(errors.at(-1)!.message)).toMatch(/more syntax errors are not listed/);
    });

    it('names the allowed values when a keyword stands where a value belongs', async () => {
        const checked = await check('cycle c "x"\n  goal "g"\n  moment m "M"\n    critical\n      severity critical\n      risk "r"\n');
        const messages = syntaxMessages(checked);
        expect(messages).toHaveLength(1);
        expect(messages[0]).toMatch(/low, medium or high/);
        expect(messages[0]).not.toMatch(/one fact/i);
    });
});
