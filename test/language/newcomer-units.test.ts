import { GrammarAST } from 'langium';
import { describe, expect, it } from 'vitest';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver';
import { formatCycle } from '../../src/format/format-cycle.js';
import { buildFileModel } from '../../src/model/build-model.js';
import { TIME_UNIT_NAMES } from '../../src/domain/vocabulary.js';
import { breakClean, check, freshServices } from '../helpers.js';
import { leadingKeywords } from './grammar-keywords.js';
import { cursor, lspWorkspace, params, position } from '../server/lsp-helpers.js';

/*
 * Units of time as a newcomer writes them (issue 10, item 12): `15 minutes` is a
 * duration like `15 min`, everywhere.
 */

describe('units of time as people write them', () => {
    const spellings: [string, number][] = [
        ['sec', 1], ['secs', 1], ['second', 1], ['seconds', 1],
        ['min', 60], ['mins', 60], ['minute', 60], ['minutes', 60],
        ['hour', 3600], ['hours', 3600], ['day', 86400], ['days', 86400], ['week', 604800], ['weeks', 604800]
    ];

    it('issue 10 item 12: minutes, mins, seconds… are units, read as durations', async () => {
        for (const [unit, seconds] of spellings) {
            const text = breakClean('    wait target 5 min\n    wait limit 10 min\n', `    wait target 2 ${unit}\n    wait limit 2 ${unit}\n`);
            const checked = await check(text);
            expect(checked.found, unit).toEqual([]);
            const model = buildFileModel(checked.document.parseResult.value, checked.document.uri.toString());
            const m2 = model.cycles[0].moments.find(m => m.id === 'm2')!;
            expect(m2.waitTarget, unit).toEqual({ amount: 2, unit, seconds: 2 * seconds });
        }
    });

    it('issue 10 item 12: durations in different spellings compare by their length', async () => {
        const longer = await check(breakClean('    wait target 5 min\n    wait limit 10 min\n', '    wait target 90 seconds\n    wait limit 1 minute\n'));
        expect(longer.found).toEqual(['wait-target-exceeds-limit@wait']);
        const shorter = await check(breakClean('    wait target 5 min\n    wait limit 10 min\n', '    wait target 45 secs\n    wait limit 1 mins\n'));
        expect(shorter.found).toEqual([]);
    });

    it('are all the grammar takes, and only those', () => {
        const rule = freshServices().Grammar.rules.find(r => r.name === 'TimeUnit') as GrammarAST.ParserRule;
        expect(leadingKeywords(rule.definition)).toEqual(TIME_UNIT_NAMES);
    });

    it('the formatter keeps the unit as written (docs/decisions.md)', () => {
        const text = 'cycle c "x"\n  moment m "M"\n      wait target  5 minutes\n      wait limit 30   seconds\n';
        const lexer = freshServices().parser.Lexer;
        expect(formatCycle(text, lexer.tokenize(text))).toBe('cycle c "x"\n  moment m "M"\n    wait target 5 minutes\n    wait limit 30 seconds\n');
    });

    it('issue 10 item 12: completion offers every unit with its length, and hover shows the unit as written', async () => {
        const ws = lspWorkspace();
        const { text, offset } = cursor(breakClean('    wait limit 10 min\n', '    wait limit 10 <|>\n'));
        const [document] = await ws.open(text);
        const list = await ws.services.lsp.CompletionProvider!.getCompletion(document, { ...params(document), position: position(document, offset) }) as CompletionList;
        const minutes = list.items.find(item => item.label === 'minutes');
        expect(minutes?.detail).toBe('unit of time: 60 seconds');
        const shown = breakClean('    wait target 5 min\n', '    wait target 5 minutes\n');
        const [hovered] = await ws.open(shown);
        const hover = await ws.services.lsp.HoverProvider!.getHoverContent(hovered, { ...params(hovered), position: position(hovered, shown.indexOf('m2 "Gets')) }) as Hover;
        expect((hover.contents as MarkupContent).value).toContain('wait target 5 minutes');
    });
});
