import { describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver';
import { buildFileModel } from '../../src/model/build-model.js';
import { applyAction, lspWorkspace, openAtCursor, params } from '../server/lsp-helpers.js';
import { check, codes } from '../helpers.js';

/* The two lines issue 14 adds: `language L` at the top of a file and `frontstage "…"` on a moment. */

const TEXT = [
    'language ru',
    '',
    'cycle c "Доставка"',
    '  goal "Горячая пицца"',
    '  role courier "Курьер"',
    '  moment ring "Звонок в дверь"',
    '    by courier',
    '    frontstage "Курьер здоровается и называет заказ"',
    '    frontstage "Отдаёт пиццу в термосумке"',
    ''
].join('\n');

async function format(text: string): Promise<string> {
    const ws = lspWorkspace();
    const [document] = await ws.open(text);
    const edits = await ws.services.lsp.Formatter!.formatDocument(document, { ...params(document), options: { tabSize: 2, insertSpaces: true } });
    return applyAction(document, { title: 'format', edit: { changes: { [document.textDocument.uri]: edits } } });
}

async function completionAt(source: string): Promise<string[]> {
    const { ws, document, at } = await openAtCursor(source);
    const list = await ws.services.lsp.CompletionProvider!.getCompletion(document, at) as CompletionList;
    return (list?.items ?? []).map((item: CompletionItem) => item.label);
}

describe('`language` and `frontstage`', () => {
    it('parse into the model: the file\'s language on each cycle, the frontstage lines in order', async () => {
        const checked = await check(TEXT);
        expect(codes(checked).filter(c => c === 'syntax-error')).toEqual([]);
        const model = buildFileModel(checked.document.parseResult.value, 'file:///x.cycle');
        expect(model.cycles[0].language).toBe('ru');
        expect(model.cycles[0].moments[0].frontstage).toEqual(['Курьер здоровается и называет заказ', 'Отдаёт пиццу в термосумке']);
    });

    it('a file without a `language` line has none (the diagrams then read the labels\' script)', async () => {
        const checked = await check(TEXT.replace('language ru\n', ''));
        expect(buildFileModel(checked.document.parseResult.value, 'file:///x.cycle').cycles[0].language).toBeNull();
    });

    it('an unknown language, or the line after a cycle, is a syntax error naming what is allowed', async () => {
        const wrong = await check(TEXT.replace('language ru', 'language fr'));
        const error = wrong.diagnostics.find(d => d.code === 'syntax-error');
        expect(error?.message).toMatch(/en.*ru.*id.*zh/s);
        const late = await check(TEXT.replace('language ru\n', '') + 'language ru\n');
        expect(codes(late)).toContain('syntax-error');
    });

    it('`frontstage` takes a label, one fact per line', async () => {
        expect(codes(await check(TEXT.replace('    frontstage "Отдаёт пиццу в термосумке"', '    frontstage')))).toContain('syntax-error');
        expect(codes(await check(TEXT.replace('    frontstage "Отдаёт пиццу в термосумке"', '    frontstage "a" backstage "b"')))).toContain('syntax-error');
    });

    it('`language` and `frontstage` stay usable as ids', async () => {
        const checked = await check('cycle c "C"\n  goal "g"\n  role language "L"\n  moment frontstage "F"\n    by language\n');
        expect(codes(checked)).not.toContain('syntax-error');
        expect(codes(checked)).not.toContain('unresolved-reference');
    });

    it('format to the canonical form', async () => {
        const messy = TEXT.replace('language ru', 'language   ru').replace('    frontstage "Отдаёт', '    frontstage    "Отдаёт');
        expect(await format(messy)).toBe(TEXT);
        expect(await format(TEXT)).toBe(TEXT);
    });

    it('explain themselves on hover', async () => {
        const hover = async (source: string) => {
            const { ws, document, at } = await openAtCursor(source);
            const found = await ws.services.lsp.HoverProvider!.getHoverContent(document, at) as Hover | undefined;
            return found && typeof found.contents === 'object' && 'value' in found.contents ? found.contents.value : '';
        };
        expect(await hover(TEXT.replace('    frontstage "Курьер', '    front<|>stage "Курьер'))).toMatch(/in front of the customer/);
        expect(await hover(TEXT.replace('language ru', 'lang<|>uage ru'))).toMatch(/en, ru, id or zh/);
    });

    it('are offered by completion where they belong', async () => {
        expect(await completionAt(TEXT.replace('    by courier\n', '    by courier\n    <|>\n'))).toContain('frontstage');
        expect(await completionAt('language <|>\n')).toEqual(expect.arrayContaining(['en', 'ru', 'id', 'zh']));
    });
});
