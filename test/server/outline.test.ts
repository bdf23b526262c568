import { describe, expect, it } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver';
import { bank, lspWorkspace, params, SMALL } from './lsp-helpers.js';

describe('outline and symbols', () => {
    it('shows cycle → phases → moments, with critical moments marked', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(bank);
        const symbols = await ws.services.lsp.DocumentSymbolProvider!.getSymbols(document, params(document)) as DocumentSymbol[];
        expect(symbols.map(s => s.name)).toEqual(['branch-manager', 'bank-check-cashing']);
        const cycle = symbols[1];
        const phases = cycle.children!.filter(c => c.kind === 3 /* Namespace */);
        expect(phases.map(p => [p.name, p.children!.length])).toEqual([['Getting there', 2], ['In the branch', 5], ['At the window', 6], ['Going home', 2]]);
        const told = phases[1].children!.find(m => m.name === 'told-take-number')!;
        expect(told.detail).toMatch(/critical, unmitigated/);
        const wait = phases[1].children!.find(m => m.name === 'wait-turn')!;
        expect(wait.detail).toMatch(/^7\. critical — /);
    });

    it('finds moments, cycles and roles of every file by name', async () => {
        const ws = lspWorkspace();
        await ws.open(bank, SMALL);
        const symbols = await ws.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'cash' });
        expect(symbols.map(s => s.name)).toEqual(expect.arrayContaining(['bank-check-cashing', 'receive-cash', 'check-cash']));
    });

    it('folds blocks: a moment with its lines, a cycle with its moments', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(bank);
        const folds = await ws.services.lsp.FoldingRangeProvider!.getFoldingRanges(document, params(document));
        const lines = bank.split('\n');
        const cycleLine = lines.findIndex(l => l.startsWith('cycle '));
        const criticalMoment = lines.findIndex(l => l.startsWith('  moment receive-cash'));
        expect(folds.some(f => f.startLine === cycleLine && f.endLine >= lines.length - 3)).toBe(true);
        expect(folds.some(f => f.startLine === criticalMoment)).toBe(true);
    });

    it("shows each moment's step as an inlay hint", async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(bank);
        const hints = await ws.services.lsp.InlayHintProvider!.getInlayHints(document, { ...params(document), range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } } });
        expect(hints?.map(h => h.label)).toEqual(Array.from({ length: 15 }, (_, i) => `${i + 1}/15`));
        const told = bank.split('\n').findIndex(l => l.startsWith('  moment told-take-number'));
        expect(hints?.[5].position).toEqual({ line: told, character: 9 });
    });

    it('puts a code lens with the counts over each cycle', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(bank);
        const lenses = await ws.services.lsp.CodeLensProvider!.provideCodeLens(document, params(document));
        expect(lenses?.map(l => l.command?.title)).toEqual(['15 moments · 3 critical · 1 unmitigated']);
        expect(lenses?.[0].range.start.line).toBe(bank.split('\n').findIndex(l => l.startsWith('cycle ')));
    });
});
