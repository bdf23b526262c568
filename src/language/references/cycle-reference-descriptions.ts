import { Cancellation, DefaultReferenceDescriptionProvider, type LangiumDocument, type ReferenceDescription } from 'langium';
import { checkEvery, referencesOf, walkAst } from '../ast-walk.js';

/** Langium's reference index, visiting only the nodes that can hold a reference. */
export class CycleReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        let count = 0;
        for (const node of walkAst(document.parseResult.value)) {
            await checkEvery(++count, cancelToken);
            referencesOf(node)?.forEach(info => {
                if (!info.reference.error) for (const description of this.createInfoDescriptions(info)) descriptions.push(description);
            });
        }
        return descriptions;
    }
}
