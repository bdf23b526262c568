import {
    AstUtils, DefaultScopeProvider, stream, type AstNode, type AstNodeDescription,
    type LocalSymbols, type ReferenceInfo, type Scope, type Stream
} from 'langium';

type NameTable = Map<string, AstNodeDescription>;

/**
 * Resolves names through hash tables instead of Langium's default linear scan of
 * every symbol per reference, which makes a 10,000-moment cycle quadratic.
 * Visibility is Langium's default, which is already the language's rule: a
 * reference sees its cycle's own elements first (so a cycle's role shadows a
 * top-level one), then the file's top-level roles, then every workspace file's.
 */
export class CycleScopeProvider extends DefaultScopeProvider {
    private readonly tables = new WeakMap<LocalSymbols, Map<AstNode, Map<string, NameTable>>>();

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const localSymbols = AstUtils.getDocument(context.container).localSymbols;
        const containers: AstNode[] = [];
        for (let node: AstNode | undefined = context.container; node; node = node.$container) {
            containers.push(node);
        }
        let scope = this.getGlobalScope(referenceType, context);
        if (!localSymbols) {
            return scope;
        }
        for (let i = containers.length - 1; i >= 0; i--) {
            const table = this.localTable(localSymbols, containers[i], referenceType);
            if (table) {
                scope = new TableScope(table, scope);
            }
        }
        return scope;
    }

    private localTable(symbols: LocalSymbols, container: AstNode, type: string): NameTable | undefined {
        if (!symbols.has(container)) {
            return undefined;
        }
        let byContainer = this.tables.get(symbols);
        if (!byContainer) {
            byContainer = new Map();
            this.tables.set(symbols, byContainer);
        }
        let byType = byContainer.get(container);
        if (!byType) {
            byType = new Map();
            byContainer.set(container, byType);
        }
        let table = byType.get(type);
        if (!table) {
            table = new Map();
            for (const description of symbols.getStream(container)) {
                if (this.reflection.isSubtype(description.type, type) && !table.has(description.name)) {
                    table.set(description.name, description);
                }
            }
            byType.set(type, table);
        }
        return table;
    }
}

class TableScope implements Scope {
    constructor(private readonly table: NameTable, private readonly outer: Scope) { }

    getElement(name: string): AstNodeDescription | undefined {
        return this.table.get(name) ?? this.outer.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const local = this.table.get(name);
        return local ? stream([local]).concat(this.outer.getElements(name)) : this.outer.getElements(name);
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.table.values()).concat(this.outer.getAllElements());
    }
}
