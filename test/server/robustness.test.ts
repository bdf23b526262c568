import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createCycleServices, type CycleServices } from '../../src/server/services.js';

const bank = readFileSync(new URL('../../examples/bank-check-cashing.cycle', import.meta.url), 'utf8');

/**
 * The server never dies: on every intermediate text a designer produces while
 * typing or deleting, every request answers and nothing is logged as an error.
 */
describe('every request answers on half-typed documents', () => {
    let errors: unknown[][];
    beforeEach(() => {
        errors = [];
        vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { errors.push(args); });
    });
    afterEach(() => vi.restoreAllMocks());

    async function exercise(services: CycleServices, text: string, step: number): Promise<void> {
        const uri = URI.file('/robust/typing.cycle');
        const documents = services.shared.workspace.LangiumDocuments;
        if (documents.hasDocument(uri)) documents.deleteDocument(uri);
        const document: LangiumDocument = services.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        documents.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        expect(document.diagnostics, `diagnostics at step ${step}`).toBeDefined();
        const textDocument = { uri: uri.toString() };
        const end = document.textDocument.positionAt(text.length);
        const middle = document.textDocument.positionAt(Math.floor(text.length / 2));
        await services.lsp.CompletionProvider!.getCompletion(document, { textDocument, position: end });
        await services.lsp.HoverProvider!.getHoverContent(document, { textDocument, position: middle });
        await services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
        await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument });
        await services.lsp.InlayHintProvider!.getInlayHints(document, { textDocument, range: { start: { line: 0, character: 0 }, end } });
        await services.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument });
        await services.lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } });
        for (const diagnostic of document.diagnostics ?? []) {
            await services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        }
    }

    it('while the bank example is typed character by character', async () => {
        const services = createCycleServices(EmptyFileSystem).Cycle;
        for (let length = 0; length <= bank.length; length++) {
            await exercise(services, bank.substring(0, length), length);
        }
        expect(errors).toEqual([]);
    }, 300_000);

    it('while it is deleted line by line, from the top and from the middle', async () => {
        const services = createCycleServices(EmptyFileSystem).Cycle;
        const lines = bank.split('\n');
        for (let k = 0; k <= lines.length; k++) {
            await exercise(services, lines.slice(k).join('\n'), k);
        }
        const middle = Math.floor(lines.length / 2);
        for (let k = 0; k < lines.length / 2; k++) {
            await exercise(services, [...lines.slice(0, middle - k), ...lines.slice(middle + k)].join('\n'), k);
        }
        expect(errors).toEqual([]);
    }, 300_000);
});
