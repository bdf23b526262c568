import { Cancellation, DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { checkEvery } from '../ast-walk.js';

/**
 * The local symbols of a document, gathered from the only places where named
 * elements live (a file's top level, a cycle's items, a survey's questions) rather
 * than from every node of the tree. Visibility stays Langium's default: an element
 * is visible in the container it is declared in.
 */
export class CycleScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        const root = document.parseResult.value as AstNode & { elements?: AstNode[] };
        let count = 0;
        const addAll = async (container: AstNode, children: readonly AstNode[] | undefined): Promise<void> => {
            for (const child of children ?? []) {
                await checkEvery(++count, cancelToken);
                const name = this.nameProvider.getName(child);
                if (name) symbols.add(container, this.descriptions.createDescription(child, name, document));
                if (child.$type === 'Cycle' || child.$type === 'Survey') {
                    await addAll(child, (child as AstNode & { items?: AstNode[] }).items);
                }
            }
        };
        await addAll(root, root.elements);
        return symbols;
    }
}
