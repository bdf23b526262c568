import { Cancellation, DefaultLinker, type LangiumDocument } from 'langium';
import { checkEvery, referencesOf, walkAst } from '../ast-walk.js';

/** Langium's linker, visiting only the nodes that can hold a reference. */
export class CycleLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        let count = 0;
        for (const node of walkAst(document.parseResult.value)) {
            await checkEvery(++count, cancelToken);
            referencesOf(node)?.forEach(reference => this.doLink(reference, document));
        }
    }
}
