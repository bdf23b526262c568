import { describe, expect, it } from 'vitest';
import { applyAction, bank, lspWorkspace, params } from './lsp-helpers.js';

describe('formatting', () => {
    const messy = [
        '# a team',
        'role   manager    "Manager"',
        '',
        '',
        '',
        'cycle  c "x"   ',
        '    goal "g"',
        '    # the first moment',
        '    moment m1   "First"  # trailing comment',
        '          feels   4',
        '          critical',
        '              risk "r"',
        '    survey s "S"',
        '      question q "Q?"',
        '         answer   scale 1 .. 5   "lo"  "hi"',
        ''
    ].join('\n');
    const canonical = [
        '# a team',
        'role manager "Manager"',
        '',
        'cycle c "x"',
        '  goal "g"',
        '  # the first moment',
        '  moment m1 "First" # trailing comment',
        '    feels 4',
        '    critical',
        '      risk "r"',
        '  survey s "S"',
        '    question q "Q?"',
        '      answer scale 1..5 "lo" "hi"',
        ''
    ].join('\n');

    async function format(text: string): Promise<string> {
        const ws = lspWorkspace();
        const [document] = await ws.open(text);
        const edits = await ws.services.lsp.Formatter!.formatDocument(document, { ...params(document), options: { tabSize: 2, insertSpaces: true } });
        return applyAction(document, { title: 'format', edit: { changes: { [document.textDocument.uri]: edits } } });
    }

    it('gives canonical two-space indentation, single spaces, comments and blank-line groups kept', async () => {
        expect(await format(messy)).toBe(canonical);
    });

    it('is idempotent', async () => {
        expect(await format(canonical)).toBe(canonical);
        expect(await format(bank)).toBe(bank);
    });

    it('leaves a file with syntax errors untouched', async () => {
        const broken = messy.replace('feels   4', 'feels   four');
        expect(await format(broken)).toBe(broken);
    });
});
