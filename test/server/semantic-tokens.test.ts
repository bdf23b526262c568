import { describe, expect, it } from 'vitest';
import { SemanticTokensDecoder } from 'langium/lsp';
import { bank, lspWorkspace, params } from './lsp-helpers.js';

describe('semantic tokens', () => {
    it('mark critical moments, and unmitigated ones, with their own modifiers', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(bank);
        const provider = ws.services.lsp.SemanticTokenProvider!;
        const tokens = await provider.semanticHighlight(document, params(document));
        const decoded = SemanticTokensDecoder.decode(tokens, provider.tokenTypes, document);
        const modifiers = provider.tokenModifiers;
        const byText = (text: string) => decoded.filter(t => document.textDocument.getText({ start: document.textDocument.positionAt(t.offset), end: document.textDocument.positionAt(t.offset + t.text.length) }) === text);
        const has = (token: { tokenModifiers: number }, name: string) => (token.tokenModifiers & modifiers[name]) !== 0;
        const told = byText('told-take-number');
        expect(told.length).toBeGreaterThanOrEqual(2); // the declaration and its references
        expect(told.every(t => has(t, 'critical') && has(t, 'unmitigated'))).toBe(true);
        const cash = byText('receive-cash');
        expect(cash.every(t => has(t, 'critical') && !has(t, 'unmitigated'))).toBe(true);
        const enter = byText('enter');
        expect(enter.every(t => !has(t, 'critical'))).toBe(true);
        expect(Object.keys(modifiers)).toEqual(expect.arrayContaining(['critical', 'unmitigated']));
    });
});
