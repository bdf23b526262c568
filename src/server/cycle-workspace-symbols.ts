import type { LangiumDocuments, MaybePromise } from 'langium';
import type { WorkspaceSymbolProvider } from 'langium/lsp';
import { SymbolKind, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import type { CycleModelProvider } from '../model/cycle-model-provider.js';

/**
 * Every cycle, moment and role of the workspace, found by fuzzy name: the files of
 * the workspace and the open documents, whatever their names (the server holds
 * nothing else). Elements still without a name (a bare `role`) are left out.
 */
export class CycleWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    constructor(
        private readonly documents: LangiumDocuments,
        private readonly models: () => CycleModelProvider
    ) { }

    getSymbols(params: WorkspaceSymbolParams): MaybePromise<WorkspaceSymbol[]> {
        const query = typeof params.query === 'string' ? params.query : '';
        const found: WorkspaceSymbol[] = [];
        const add = (name: string, kind: SymbolKind, range: WorkspaceSymbol['location'], container?: string): void => {
            if (name !== '' && matchesQuery(query, name)) found.push({ name, kind, location: range, containerName: container });
        };
        for (const document of this.documents.all) {
            const uri = document.uri.toString();
            const model = this.models().modelOf(document);
            for (const role of model.roles) add(role.id, SymbolKind.Class, { uri, range: role.idRange });
            for (const cycle of model.cycles) {
                add(cycle.id, SymbolKind.Module, { uri, range: cycle.idRange });
                for (const moment of cycle.moments) add(moment.id, moment.critical ? SymbolKind.Event : SymbolKind.Function, { uri, range: moment.idRange }, cycle.id);
                for (const role of cycle.roles) add(role.id, SymbolKind.Class, { uri, range: role.idRange }, cycle.id);
            }
            if (found.length > 5000) break;
        }
        return found;
    }
}

/**
 * The query's characters appear in the name in order, ignoring case: `cash` finds
 * `bank-check-cashing`, `wt` finds `wait-turn`. Ids are hyphenated words, so
 * Langium's camel-case matcher would miss most of them.
 */
function matchesQuery(query: string, name: string): boolean {
    const q = query.toLocaleLowerCase();
    const n = name.toLocaleLowerCase();
    let at = 0;
    for (const char of q) {
        at = n.indexOf(char, at);
        if (at < 0) return false;
        at += char.length;
    }
    return true;
}
