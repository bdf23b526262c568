import { describe, expect, it } from 'vitest';
import type { FoldingRange, Range, TextEdit } from 'vscode-languageserver';
import { applyAction, bank, lspWorkspace, params } from './lsp-helpers.js';

describe('folding and range formatting in an indentation language', () => {
    async function foldsOf(text: string): Promise<FoldingRange[]> {
        const ws = lspWorkspace();
        const [document] = await ws.open(text);
        return await ws.services.lsp.FoldingRangeProvider!.getFoldingRanges(document, params(document));
    }
    const lineOf = (text: string, start: string) => text.split('\n').findIndex(l => l.startsWith(start));
    const fold = (folds: FoldingRange[], startLine: number) => folds.filter(f => f.startLine === startLine).map(f => [f.startLine, f.endLine, f.kind]);

    it('folds a block of two lines: a moment with one line, a question with one answer', async () => {
        const folds = await foldsOf(bank);
        const decide = lineOf(bank, '  moment decide');
        expect(fold(folds, decide)).toEqual([[decide, decide + 1, undefined]]);
        const text = 'cycle c "x"\n  survey s "S"\n    question q "How long did you wait?"\n      answer number "minutes"\n';
        expect(fold(await foldsOf(text), 2)).toEqual([[2, 3, undefined]]);
        // A mitigation with its owner, a critical block with its lines.
        const prevent = lineOf(bank, '      prevent "Open a floating');
        expect(fold(folds, prevent)).toEqual([[prevent, prevent + 1, undefined]]);
    });

    it('ends a block at its last line with content: not at blank lines or the comments of what follows', async () => {
        const text = [
            'cycle c "x"',              // 0
            '  moment a "A"',           // 1
            '    channel none',         // 2
            '',                         // 3
            '    # about b',            // 4
            '  moment b "B"',           // 5
            '  moment c "C"',           // 6
            ''
        ].join('\n');
        const folds = await foldsOf(text);
        expect(fold(folds, 1)).toEqual([[1, 2, undefined]]);
        expect(fold(folds, 0)).toEqual([[0, 6, undefined]]);
        expect(fold(folds, 5)).toEqual([]); // a moment without lines under it
        expect(fold(folds, 4)).toEqual([]); // a single comment line
    });

    it('folds phases, up to the last moment before the next phase or the end of the moments', async () => {
        const folds = await foldsOf(bank);
        const lines = bank.split('\n');
        const phase = (label: string) => lineOf(bank, `  phase "${label}"`);
        expect(fold(folds, phase('Getting there'))).toEqual([[phase('Getting there'), lineOf(bank, '  moment ride-in') + 1, undefined]]);
        expect(fold(folds, phase('In the branch'))).toEqual([[phase('In the branch'), phase('At the window') - 2, undefined]]);
        // The last phase ends with the last moment, not with the requirements after it.
        const rideHome = lineOf(bank, '  moment ride-home');
        expect(lines[rideHome + 1]).toMatch(/^ {4}channel/);
        expect(fold(folds, phase('Going home'))).toEqual([[phase('Going home'), rideHome + 1, undefined]]);
    });

    it('folds runs of two or more comment lines as comments', async () => {
        const text = '# one\n#   two\n  # three\ncycle c "x"\n  # alone\n  goal "g"\n\n# a\n# b\n';
        const comments = (await foldsOf(text)).filter(f => f.kind === 'comment').map(f => [f.startLine, f.endLine]);
        expect(comments).toEqual([[0, 2], [7, 8]]);
        // With CRLF line ends and at the end of a text without a final line end.
        const crlf = (await foldsOf('cycle c "x"\r\n  goal "g"\r\n# a\r\n# b')).filter(f => f.kind === 'comment').map(f => [f.startLine, f.endLine]);
        expect(crlf).toEqual([[2, 3]]);
    });

    it('folds every two-line moment of a document of 10,000 moments', async () => {
        const lines = ['cycle big "Big"', '  goal "g"'];
        for (let i = 0; i < 10_000; i++) lines.push(i % 100 === 0 ? `  phase "p${i}"` : '  # note', `  moment m${i} "M ${i}"`, '    channel none');
        const ws = lspWorkspace();
        const [document] = await ws.open(lines.join('\n') + '\n');
        const folds = await ws.services.lsp.FoldingRangeProvider!.getFoldingRanges(document, params(document));
        expect(folds.filter(f => f.endLine === f.startLine + 1).length).toBe(10_000);
    });

    const messy = [
        '# a team',                                         // 0
        'role   manager    "Manager"',                      // 1
        '',                                                 // 2
        '  ',                                               // 3
        '',                                                 // 4
        'cycle  c "x"   ',                                  // 5
        '    goal "g"',                                     // 6
        '    # the first moment',                           // 7
        '    moment m1   "First"  # trailing comment',      // 8
        '          feels   4',                              // 9
        '          critical',                               // 10
        '              risk "r"',                           // 11
        '    survey s "S"',                                 // 12
        '      question q "Q?"',                            // 13
        '         answer   scale 1 .. 5   "lo"  "hi"'       // 14 (no final line end)
    ].join('\n');

    async function formatRange(text: string, range: Range): Promise<{ edits: TextEdit[]; after: string; canonical: string }> {
        const ws = lspWorkspace();
        const [document] = await ws.open(text);
        const options = { tabSize: 2, insertSpaces: true };
        const edits = await ws.services.lsp.Formatter!.formatDocumentRange(document, { ...params(document), range, options });
        const whole = await ws.services.lsp.Formatter!.formatDocument(document, { ...params(document), options });
        const apply = (e: TextEdit[]) => applyAction(document, { title: 'format', edit: { changes: { [document.textDocument.uri]: e } } });
        return { edits, after: apply(edits), canonical: apply(whole) };
    }
    const lines = (from: number, to: number): Range => ({ start: { line: from, character: 0 }, end: { line: to, character: 3 } });

    it('formats the lines of the top-level elements the range touches, and no others', async () => {
        const { edits, after, canonical } = await formatRange(messy, lines(8, 11));
        // Lines 8 to 11 are inside the cycle of lines 5 to 14: the whole cycle, and only it.
        expect(edits.every(e => e.range.start.line >= 5 && e.range.end.line <= 14)).toBe(true);
        const got = after.split('\n');
        const want = canonical.split('\n');
        expect(got.slice(0, 5)).toEqual(messy.split('\n').slice(0, 5));
        expect(got.slice(5)).toEqual(want.slice(3)); // canonical has two blank lines fewer above
        // A range that ends at the start of a line does not reach into that line.
        const role = await formatRange(messy, { start: { line: 1, character: 4 }, end: { line: 5, character: 0 } });
        const afterRole = role.after.split('\n');
        expect(afterRole[1]).toBe('role manager "Manager"');
        expect(afterRole.slice(afterRole.indexOf('cycle  c "x"   '))).toEqual(messy.split('\n').slice(5));
    });

    it('never re-indents a line without its siblings, so the result always parses', async () => {
        // Four-space blocks: formatting line 2 alone would put it at two spaces beside four.
        const fourSpaces = 'cycle c "C"\n    goal "G"\n    moment a "A"\n        channel phone\n    moment b "B"\n';
        const one = await formatRange(fourSpaces, lines(2, 2));
        expect(one.after).toBe('cycle c "C"\n  goal "G"\n  moment a "A"\n    channel phone\n  moment b "B"\n');
        // A file whose top level is itself indented: the selection cannot be formatted
        // alone, so the whole file is.
        const indented = '  role r "R"\n  cycle c "C"\n    goal "G"\n';
        const whole = await formatRange(indented, lines(0, 0));
        expect(whole.after).toBe(whole.canonical);
        const ws = lspWorkspace();
        const [document] = await ws.open(whole.after);
        expect(document.parseResult.parserErrors).toEqual([]);
    });

    it('collapses a blank-line group only as far as the range reaches', async () => {
        // All of the group in the range: one blank line stays.
        const full = await formatRange(messy, lines(1, 4));
        expect(full.after.split('\n').slice(0, 4)).toEqual(['# a team', 'role manager "Manager"', '', 'cycle  c "x"   ']);
        // Part of it: the blank line outside stays as it is, the ones inside go.
        const part = await formatRange(messy, lines(3, 4));
        expect(part.after.split('\n').slice(0, 4)).toEqual(['# a team', 'role   manager    "Manager"', '', 'cycle  c "x"   ']);
        expect(part.edits.every(e => e.range.start.line >= 3 && e.range.end.line <= 5)).toBe(true);
    });

    it('gives the whole canonical text for a range over the whole document, with its BOM and line ends', async () => {
        const all = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
        const plain = await formatRange(messy, all);
        expect(plain.after).toBe(plain.canonical);
        expect(plain.after.endsWith('"lo" "hi"\n')).toBe(true);
        const bom = await formatRange('\uFEFF\n\n' + messy + '\n\n\n', all);
        expect(bom.after).toBe(bom.canonical);
        expect(bom.after.startsWith('\uFEFF# a team\n')).toBe(true);
        const crlf = await formatRange(messy.replace(/\n/g, '\r\n') + '\r\n  \r\n', all);
        expect(crlf.after).toBe(crlf.canonical);
        expect(await formatRange(bank, all)).toMatchObject({ edits: [] });
    });

    it('leaves a file with syntax errors untouched, whatever the range', async () => {
        const broken = messy.replace('feels   4', 'feels   four');
        expect((await formatRange(broken, lines(0, 20))).edits).toEqual([]);
        expect((await formatRange(broken, lines(8, 9))).edits).toEqual([]);
    });
});
