import { DefaultReferences, stream, type AstNode, type FindReferencesOptions, type ReferenceDescription, type Stream } from 'langium';

/**
 * Langium's references with the lists gathered one at a time: its own version spreads
 * every reference into one call, and a role used 130,000 times overflowed the stack of
 * find references, highlights and rename.
 */
export class CycleReferences extends DefaultReferences {
    override findReferences(targetNode: AstNode, options: FindReferencesOptions): Stream<ReferenceDescription> {
        const references: ReferenceDescription[] = [];
        if (options.includeDeclaration) {
            for (const self of this.getSelfReferences(targetNode)) references.push(self);
        }
        let fromIndex = this.index.findAllReferences(targetNode, this.nodeLocator.getAstNodePath(targetNode));
        if (options.documentUri) {
            const uri = options.documentUri.toString();
            fromIndex = fromIndex.filter(reference => reference.sourceUri.toString() === uri);
        }
        for (const reference of fromIndex) references.push(reference);
        return stream(references);
    }
}
