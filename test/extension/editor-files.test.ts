import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { TIME_UNIT_NAMES } from '../../src/domain/vocabulary.js';
import { check } from '../helpers.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const require = createRequire(import.meta.url);

let grammar: textmate.IGrammar;

/** Scopes of each token of a line, as `text=scope.with.dots`, for the tokens that have a cycle scope. */
function scopes(line: string): string[] {
    const result = grammar.tokenizeLine(line, textmate.INITIAL);
    return result.tokens
        .map(token => ({ text: line.substring(token.startIndex, token.endIndex), scope: token.scopes.filter(s => s !== 'source.cycle').at(-1) ?? '' }))
        .filter(t => t.text.trim() !== '' && t.scope !== '')
        .map(t => `${t.text}=${t.scope}`);
}

beforeAll(async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
    await oniguruma.loadWASM(wasm);
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({ createOnigScanner: p => new oniguruma.OnigScanner(p), createOnigString: s => new oniguruma.OnigString(s) }),
        loadGrammar: async () => textmate.parseRawGrammar(read('syntaxes/cycle.tmLanguage.json'), 'cycle.tmLanguage.json')
    });
    grammar = (await registry.loadGrammar('source.cycle'))!;
});

describe('the TextMate grammar colours a file before the server starts', () => {
    it('colours declarations and their ids', () => {
        expect(scopes('cycle bank "Bank"')).toEqual(['cycle=keyword.control.cycle.cycle', 'bank=entity.name.namespace.cycle', '"=string.quoted.double.cycle', 'Bank=string.quoted.double.cycle', '"=string.quoted.double.cycle']);
        expect(scopes('  moment told-take-number "x"')).toContain('told-take-number=entity.name.function.moment.cycle');
        expect(scopes('  role доставка "x"')).toContain('доставка=entity.name.type.role.cycle');
        expect(scopes('    question 网上购物 "x"')).toContain('网上购物=entity.name.variable.cycle');
    });

    it('colours references by what they name', () => {
        expect(scopes('    by greeter')).toEqual(['by=keyword.other.cycle', 'greeter=entity.name.type.role.cycle']);
        expect(scopes('        owner branch-manager')).toContain('branch-manager=entity.name.type.role.cycle');
        expect(scopes('    for wait-turn')).toContain('wait-turn=entity.name.function.moment.cycle');
        expect(scopes('    meets short-wait')).toContain('short-wait=variable.other.requirement.cycle');
        expect(scopes('    - cash-handling')).toContain('cash-handling=variable.other.area.cycle');
    });

    it('colours enumeration values, numbers, durations, dates and ranges', () => {
        expect(scopes('    channel in-person')).toContain('in-person=support.constant.channel.cycle');
        expect(scopes('    quality courtesy')).toContain('courtesy=support.constant.quality.cycle');
        expect(scopes('  stage maturity')).toContain('maturity=constant.language.stage.cycle');
        expect(scopes('      severity high')).toContain('high=constant.language.severity.cycle');
        expect(scopes('    because importance')).toContain('importance=constant.language.reason.cycle');
        expect(scopes('      answer yes-no')).toContain('yes-no=constant.language.answer.cycle');
        expect(scopes('    feels 2')).toContain('2=constant.numeric.integer.cycle');
        expect(scopes('    wait limit 20 min')).toEqual(['wait=keyword.other.cycle', 'limit=keyword.other.wait-bound.cycle', '20=constant.numeric.integer.cycle', 'min=keyword.other.unit.cycle']);
        expect(scopes('    due 2027-03-31')).toContain('2027-03-31=constant.numeric.date.cycle');
        expect(scopes('      answer scale 1..5')).toEqual(expect.arrayContaining(['1=constant.numeric.integer.cycle', '..=keyword.operator.range.cycle', '5=constant.numeric.integer.cycle']));
    });

    it('issue 10 item 12: colours every unit the language takes, as people write them', () => {
        expect(TIME_UNIT_NAMES).toContain('minutes');
        for (const unit of TIME_UNIT_NAMES) {
            expect(scopes(`    wait limit 2 ${unit}`), unit).toContain(`${unit}=keyword.other.unit.cycle`);
        }
    });

    it('colours every keyword, comments, strings and escapes', () => {
        for (const keyword of ['customer', 'goal', 'peak', 'phase', 'evidence', 'backstage', 'support', 'risk', 'from', 'priorities']) {
            expect(scopes(`  ${keyword} "x"`)[0], keyword).toBe(`${keyword}=keyword.other.cycle`);
        }
        expect(scopes('    critical')).toEqual(['critical=markup.bold.cycle']); // on top of keyword.control.critical.cycle
        expect(scopes('      prevent "x"')[0]).toBe('prevent=keyword.control.mitigation.cycle');
        expect(scopes('    achieves goal')).toEqual(['achieves=keyword.control.achieves.cycle', 'goal=keyword.control.achieves.cycle']);
        expect(scopes('# a comment')).toEqual(['# a comment=comment.line.number-sign.cycle']);
        expect(scopes('  risk "say \\"no\\""')).toContain('\\"=constant.character.escape.cycle');
    });
});

describe('the language configuration', () => {
    const config = JSON.parse(read('language-configuration.json'));
    it('comments with #, indents after block lines, folds by indentation', () => {
        expect(config.comments.lineComment).toBe('#');
        const increase = new RegExp(config.indentationRules.increaseIndentPattern);
        expect(increase.test('  moment ask "Asks"')).toBe(true);
        expect(increase.test('    critical')).toBe(true);
        expect(increase.test('    feels 3')).toBe(false);
        // A `#` inside a label is not a comment; one after the line's text is.
        expect(increase.test('  moment m "Room #4"')).toBe(true);
        expect(increase.test('  moment m "Say \\"#1\\" twice"')).toBe(true);
        expect(increase.test('  moment m "Room #4')).toBe(true);
        expect(increase.test('  moment m "M" # later')).toBe(false);
        expect(increase.test('  # moment m "M"')).toBe(false);
        const enter = new RegExp(config.onEnterRules[0].beforeText);
        expect(enter.test('      prevent "Keep #2 free"')).toBe(true);
        expect(enter.test('      risk "Room #4"')).toBe(false);
        expect(config.folding.offSide).toBe(true);
    });
    it('treats hyphenated and non-Latin ids as words', () => {
        const word = new RegExp(config.wordPattern.pattern, config.wordPattern.flags);
        expect('told-take-number'.match(word)?.[0]).toBe('told-take-number');
        expect('доставка-пиццы'.match(word)?.[0]).toBe('доставка-пиццы');
    });
});

describe('the snippets', () => {
    const snippets = JSON.parse(read('snippets/cycle.code-snippets')) as Record<string, { prefix: string; body: string[] }>;
    /** A snippet as typed with its defaults: `${1:id}` → `id`, `${2|a,b|}` → `a`. */
    const expand = (body: string[]) => body.join('\n').replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');

    it('offer a new cycle, a moment, a critical block and a survey', () => {
        expect(Object.values(snippets).map(s => s.prefix).sort()).toEqual(['critical', 'cycle', 'moment', 'survey']);
    });

    it('expand, put together, into a cycle without syntax errors', async () => {
        const indent = (text: string, by: string) => text.split('\n').map(l => (l ? by + l : l)).join('\n');
        const cycle = expand(snippets['New cycle'].body);
        const moment = indent(expand(snippets.Moment.body), '  ');
        const critical = indent(expand(snippets['Critical block'].body), '    ');
        const survey = indent(expand(snippets.Survey.body), '  ');
        const text = `role role "A role"\n${cycle}\n${moment}\n${critical}\n${survey}\n`;
        const checked = await check(text.replace('about moment', 'about id'));
        expect(checked.found.filter(f => f.startsWith('syntax-error'))).toEqual([]);
    });
});
