import { describe, expect, it } from 'vitest';
import type { Location } from 'vscode-languageserver';
import { bank, lspWorkspace, openAtCursor, params, SMALL } from './lsp-helpers.js';

describe('navigation', () => {
    it('goes to the definition of a top-level role in another file', async () => {
        const { ws, documents: [document, team], at } = await openAtCursor(SMALL.replace('    by clerk\n', '    by audi<|>tor\n'), '# team\nrole auditor "Auditor"\n');
        const links = await ws.services.lsp.DefinitionProvider!.getDefinition(document, at);
        expect(links?.[0].targetUri).toBe(team.uri.toString());
        expect(links?.[0].targetSelectionRange.start).toEqual({ line: 1, character: 5 });
    });

    it('finds every reference to a role, across files', async () => {
        const ws = lspWorkspace();
        const [team, a, b] = await ws.open('role auditor "Auditor"\n', SMALL.replace('    by clerk\n', '    by auditor\n'), SMALL.replace('by clerk', 'by auditor').replace('cycle c', 'cycle d'));
        const refs = await ws.services.lsp.ReferencesProvider!.findReferences(team, { ...params(team), position: { line: 0, character: 6 }, context: { includeDeclaration: false } }) as Location[];
        expect(new Set(refs.map(r => r.uri))).toEqual(new Set([a.uri.toString(), b.uri.toString()]));
    });

    it('renames a role everywhere, across files', async () => {
        const ws = lspWorkspace();
        const [team, a] = await ws.open('role auditor "Auditor"\n', SMALL.replace('    by clerk\n', '    by auditor\n'));
        const edit = await ws.services.lsp.RenameProvider!.rename(team, { ...params(team), position: { line: 0, character: 6 }, newName: 'inspector' });
        expect(edit?.changes?.[team.uri.toString()]?.map(e => e.newText)).toEqual(['inspector']);
        expect(edit?.changes?.[a.uri.toString()]?.map(e => e.newText)).toEqual(['inspector']);
    });

    it('renames a moment and its references within the cycle', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(bank);
        const line = bank.split('\n').findIndex(l => l.startsWith('  moment wait-turn'));
        const edit = await ws.services.lsp.RenameProvider!.rename(document, { ...params(document), position: { line, character: 10 }, newName: 'wait-in-line' }); // (`queue` is an area's id)
        expect(edit?.changes?.[document.uri.toString()]).toHaveLength(5); // its declaration, `for`, `covers` and the survey's two `about` lines
    });

    it('refuses a new name that is not an id, or that collides or would be captured', async () => {
        const ws = lspWorkspace();
        const team = 'role shift-manager "Shift manager"\nrole auditor "Auditor"\n';
        const cycle = 'cycle c "x"\n  role waiter "Waiter"\n  role clerk "Clerk"\n  moment first "First"\n    by shift-manager\n  moment second "Second"\n    by auditor\n';
        const [top, doc] = await ws.open(team, cycle);
        const rename = (document: typeof top, line: number, character: number, newName: string) =>
            ws.services.lsp.RenameProvider!.rename(document, { ...params(document), position: { line, character }, newName });
        await expect(rename(top, 0, 6, '1 bad name')).rejects.toThrow(/not a valid id/);
        await expect(rename(top, 0, 6, 'has space')).rejects.toThrow(/not a valid id/);
        await expect(rename(top, 0, 6, 'auditor')).rejects.toThrow(/already has a role `auditor`/);
        await expect(rename(top, 0, 6, 'waiter')).rejects.toThrow(/declares its own role `waiter`/);
        await expect(rename(doc, 3, 10, 'second')).rejects.toThrow(/already `second`/);
        await expect(rename(doc, 2, 8, 'auditor')).rejects.toThrow(/top-level role `auditor`/);
        // A fine new name, Unicode included, still renames.
        const edit = await rename(top, 0, 6, 'gérant_de-service2');
        expect(edit?.changes?.[doc.uri.toString()]?.map(e => e.newText)).toEqual(['gérant_de-service2']);
    });

    it('highlights every occurrence of an id in the document', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(bank);
        const line = bank.split('\n').findIndex(l => l.startsWith('  moment receive-cash'));
        const highlights = await ws.services.lsp.DocumentHighlightProvider!.getDocumentHighlight(document, { ...params(document), position: { line, character: 10 } });
        expect(highlights?.length).toBe(6); // its declaration, `for`, `covers` and three `about` lines
    });
});
