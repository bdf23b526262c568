import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/language/generated/ast.js';
import { createCycleServices } from '../../src/server/services.js';
import type { CompletionItem, CompletionList, DocumentSymbol, Hover } from 'vscode-languageserver';
import { applyAction, lspWorkspace, openAtCursor, params, SMALL } from './lsp-helpers.js';

/* The editor features that know the survey-results lines: completion, formatting, outline, hover, duplicates. */

const SURVEY = SMALL + `  survey s "Exit"
    results "w/q1.csv"
    question q1 "How was the first?"
      about first
      answer scale 1..5
`;

async function completionAt(source: string): Promise<CompletionItem[]> {
    const { ws, document, at } = await openAtCursor(source);
    const list = await ws.services.lsp.CompletionProvider!.getCompletion(document, at) as CompletionList;
    return list?.items ?? [];
}

describe('survey results in the editor', () => {
    it('completes the five measures after `measures `, satisfaction first, each explained', async () => {
        const items = await completionAt(SURVEY.replace('      answer scale 1..5\n', '      answer scale 1..5\n      measures <|>\n'));
        expect(items.map(i => i.label)).toEqual(['satisfaction', 'importance', 'expectation', 'overall', 'recommend']);
        expect(String(items[4].documentation)).toMatch(/NPS/);
    });

    it('offers `results` and `question` in a survey, `measures` and `quality` in a question', async () => {
        const inSurvey = (await completionAt(SURVEY.replace('    results "w/q1.csv"\n', '    results "w/q1.csv"\n    <|>\n'))).map(i => i.label);
        expect(inSurvey).toEqual(expect.arrayContaining(['results', 'question']));
        const inQuestion = (await completionAt(SURVEY + '      <|>\n')).map(i => i.label);
        expect(inQuestion).toEqual(expect.arrayContaining(['measures', 'quality', 'about', 'answer']));
        expect(inQuestion).not.toContain('results');
    });

    it('completes the CSV files beside the document and one folder down after `results `', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'cycle-complete-csv-'));
        mkdirSync(join(dir, 'waves'));
        writeFileSync(join(dir, 'a.csv'), 'q1\n');
        writeFileSync(join(dir, 'waves', '2026-q1.csv'), 'q1\n');
        writeFileSync(join(dir, 'notes.txt'), '');
        const services = createCycleServices(NodeFileSystem).Cycle;
        const { text, offset } = { text: SURVEY.replace('    results "w/q1.csv"\n', '    results \n'), offset: SURVEY.indexOf('results "') + 'results '.length };
        const document = services.shared.workspace.LangiumDocumentFactory.fromString<Document>(text, URI.file(join(dir, 'c.cycle')));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
        const list = await services.lsp.CompletionProvider!.getCompletion(document, { ...params(document), position: document.textDocument.positionAt(offset) }) as CompletionList;
        expect(list.items.map(i => i.label)).toEqual(['"a.csv"', '"waves/2026-q1.csv"']);
    });

    it('formats results and measures lines like any other', async () => {
        const messy = SURVEY.replace('    results "w/q1.csv"', '    results    "w/q1.csv"   ').replace('      answer scale 1..5\n', '      answer scale 1..5\n      measures    overall\n');
        const ws = lspWorkspace();
        const [document] = await ws.open(messy);
        const edits = await ws.services.lsp.Formatter!.formatDocument(document, { ...params(document), options: { tabSize: 2, insertSpaces: true } });
        const formatted = applyAction(document, { title: 'format', edit: { changes: { [document.textDocument.uri]: edits } } });
        expect(formatted).toBe(SURVEY.replace('      answer scale 1..5\n', '      answer scale 1..5\n      measures overall\n'));
    });

    it('shows results files in the outline, under their survey, in order', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(SURVEY.replace('      answer scale 1..5\n', '      answer scale 1..5\n    results "w/q2.csv"\n'));
        const symbols = await ws.services.lsp.DocumentSymbolProvider!.getSymbols(document, params(document)) as DocumentSymbol[];
        const survey = symbols[0].children!.find(s => s.name === 's')!;
        expect(survey.children!.map(c => c.name)).toEqual(['w/q1.csv', 'w/q2.csv', 'q1']);
    });

    it('reports a second `measures` as duplicate-attribute, one alone as nothing', async () => {
        const ws = lspWorkspace();
        const twice = SURVEY.replace('      answer scale 1..5\n', '      answer scale 1..5\n      measures overall\n      measures importance\n');
        const [document] = await ws.open(twice);
        expect(document.diagnostics!.filter(d => d.code === 'duplicate-attribute')).toHaveLength(1);
        const [once] = await ws.open(SURVEY.replace('      answer scale 1..5\n', '      answer scale 1..5\n      measures overall\n'));
        expect(once.diagnostics!.filter(d => d.code === 'duplicate-attribute')).toEqual([]);
    });

    it('hover on a moment says nothing of results it could not read, and explains `measures`', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(SURVEY.replace('      answer scale 1..5\n', '      answer scale 1..5\n      measures overall\n'));
        const text = document.textDocument.getText();
        const at = (needle: string) => ({ ...params(document), position: document.textDocument.positionAt(text.indexOf(needle) + 1) });
        const moment = await ws.services.lsp.HoverProvider!.getHoverContent(document, at('first "First"')) as Hover;
        expect(JSON.stringify(moment.contents)).not.toContain('CSAT');
        const measures = await ws.services.lsp.HoverProvider!.getHoverContent(document, at('measures overall')) as Hover;
        expect(JSON.stringify(measures.contents)).toMatch(/What the answers measure/);
    });
});
