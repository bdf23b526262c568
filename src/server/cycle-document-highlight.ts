import { AstUtils, CstUtils, UriUtils, type LangiumDocument, type MaybePromise } from 'langium';
import { DefaultDocumentHighlightProvider } from 'langium/lsp';
import type { CancellationToken, DocumentHighlight, DocumentHighlightParams } from 'vscode-languageserver';

/**
 * Langium's highlights, gathered one at a time: its own version spreads every
 * occurrence into one call, which overflowed the stack for a role used 130,000 times.
 */
export class CycleDocumentHighlightProvider extends DefaultDocumentHighlightProvider {
    override getDocumentHighlight(document: LangiumDocument, params: DocumentHighlightParams, _cancelToken?: CancellationToken): MaybePromise<DocumentHighlight[] | undefined> {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const selected = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        if (!selected) return undefined;
        const highlights: DocumentHighlight[] = [];
        for (const target of this.references.findDeclarations(selected)) {
            const includeDeclaration = UriUtils.equals(AstUtils.getDocument(target).uri, document.uri);
            for (const reference of this.references.findReferences(target, { documentUri: document.uri, includeDeclaration })) {
                highlights.push(this.createDocumentHighlight(reference));
            }
        }
        return highlights;
    }
}
