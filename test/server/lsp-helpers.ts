import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { createCycleServices, type CycleServices } from '../../src/server/services.js';
import type { Document } from '../../src/language/generated/ast.js';

let counter = 0;

/** The bank example, the richest cycle the project has. */
export const bank = readFileSync(new URL('../../examples/bank-check-cashing.cycle', import.meta.url), 'utf8');

/** A small valid cycle that tests change one line at a time. */
export const SMALL = `cycle c "x"
  goal "g"
  role clerk "Clerk"
  moment first "First"
    by clerk
  moment second "Second"
`;

export interface Workspace {
    services: CycleServices;
    /** Opens documents (the first is the one under test), builds and validates them. */
    open(text: string, ...others: string[]): Promise<LangiumDocument<Document>[]>;
}

export function lspWorkspace(): Workspace {
    const services = createCycleServices(EmptyFileSystem).Cycle;
    return {
        services,
        async open(text: string, ...others: string[]) {
            const documents = [text, ...others].map(source => {
                const document = services.shared.workspace.LangiumDocumentFactory.fromString<Document>(source, URI.file(`/ws/doc${++counter}.cycle`));
                services.shared.workspace.LangiumDocuments.addDocument(document);
                return document;
            });
            await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
            return documents;
        }
    };
}

/** `text` without its `<|>` cursor marker, and the marker's offset. */
export function cursor(text: string): { text: string; offset: number } {
    const offset = text.indexOf('<|>');
    if (offset < 0) throw new Error('test setup: no <|> in text');
    return { text: text.replace('<|>', ''), offset };
}

/** Opens `source` (its `<|>` marking the cursor) with `others` beside it, in a fresh workspace. */
export async function openAtCursor(source: string, ...others: string[]) {
    const ws = lspWorkspace();
    const { text, offset } = cursor(source);
    const documents = await ws.open(text, ...others);
    const document = documents[0];
    return { ws, documents, document, at: { ...params(document), position: position(document, offset) } };
}

export function position(document: LangiumDocument, offset: number) {
    return document.textDocument.positionAt(offset);
}

export function params(document: LangiumDocument) {
    return { textDocument: { uri: document.textDocument.uri } };
}

/** The quick fixes offered for each diagnostic with `code`. */
export async function fixesFor(services: CycleServices, document: LangiumDocument, code: string): Promise<{ diagnostic: Diagnostic; actions: CodeAction[] }[]> {
    const diagnostics = (document.diagnostics ?? []).filter(d => d.code === code);
    const result = [];
    for (const diagnostic of diagnostics) {
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            ...params(document), range: diagnostic.range, context: { diagnostics: [diagnostic] }
        }) as CodeAction[];
        result.push({ diagnostic, actions });
    }
    return result;
}

/** The text after applying a code action's edits to `document`. */
export function applyAction(document: LangiumDocument, action: CodeAction): string {
    const edits = action.edit?.changes?.[document.textDocument.uri] ?? [];
    return TextDocument.applyEdits(document.textDocument as TextDocument, edits);
}
