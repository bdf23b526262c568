import type { LangiumDocument, MaybePromise } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import type { CycleModel, FileModel, MomentModel, SourceRange } from '../model/cycle-model.js';
import type { CycleModelProvider } from '../model/cycle-model-provider.js';

/**
 * The outline: cycle → phases → moments (critical ones marked in the detail),
 * then the cycle's roles, requirements, actions, areas and surveys.
 */
export class CycleDocumentSymbolProvider implements DocumentSymbolProvider {
    constructor(private readonly models: CycleModelProvider) { }

    getSymbols(document: LangiumDocument, _params: DocumentSymbolParams): MaybePromise<DocumentSymbol[]> {
        return outlineOf(this.models.modelOf(document));
    }
}

function outlineOf(model: FileModel): DocumentSymbol[] {
    return [
        ...model.roles.map(r => symbol(r.id, r.label ?? 'role', SymbolKind.Class, r.range, r.idRange)),
        ...model.cycles.map(cycleSymbol)
    ];
}

function cycleSymbol(cycle: CycleModel): DocumentSymbol {
    const children: DocumentSymbol[] = [];
    const phased = new Set(cycle.phases.flatMap(p => p.moments));
    const momentById = new Map(cycle.moments.map(m => [m.id, m]));
    // Moments before the first phase sit directly under the cycle, in order.
    for (const moment of cycle.moments) {
        if (!phased.has(moment.id)) children.push(momentSymbol(moment));
    }
    for (const phase of cycle.phases) {
        const moments = phase.moments.map(id => momentById.get(id)).filter((m): m is MomentModel => m !== undefined);
        const last = moments.at(-1);
        const range = last ? { start: phase.range.start, end: last.range.end } : phase.range;
        children.push(symbol(phase.label || '(phase)', `${moments.length} moments`, SymbolKind.Namespace, range, phase.range, moments.map(momentSymbol)));
    }
    for (const child of [
        ...cycle.roles.map(r => symbol(r.id, r.label ?? 'role', SymbolKind.Class, r.range, r.idRange)),
        ...cycle.requirements.map(r => symbol(r.id, r.label, SymbolKind.Interface, r.range, r.idRange)),
        ...cycle.actions.map(a => symbol(a.id, a.label, SymbolKind.Method, a.range, a.idRange)),
        ...cycle.areas.map(a => symbol(a.id, a.label, SymbolKind.Field, a.range, a.idRange)),
        ...cycle.surveys.map(s => symbol(s.id, s.label, SymbolKind.Package, s.range, s.idRange,
            [...s.results.map(r => symbol(r.path, 'results', SymbolKind.File, r.range, r.range)),
                ...s.questions.map(q => symbol(q.id, q.label, SymbolKind.Property, q.range, q.idRange))]))
    ]) children.push(child);
    const critical = cycle.moments.filter(m => m.critical).length;
    return symbol(cycle.id, `${cycle.moments.length} moments · ${critical} critical`, SymbolKind.Module, cycle.range, cycle.idRange, children);
}

function momentSymbol(moment: MomentModel): DocumentSymbol {
    const mark = moment.unmitigated ? 'critical, unmitigated — ' : moment.critical ? 'critical — ' : '';
    return symbol(moment.id, `${moment.step}. ${mark}${moment.label}`, moment.critical ? SymbolKind.Event : SymbolKind.Function, moment.range, moment.idRange);
}

function symbol(name: string, detail: string, kind: SymbolKind, range: SourceRange, selectionRange: SourceRange, children?: DocumentSymbol[]): DocumentSymbol {
    return { name: name || '(unnamed)', detail, kind, range, selectionRange: within(selectionRange, range), children };
}

/** LSP requires the selection range inside the range. */
function within(selection: SourceRange, range: SourceRange): SourceRange {
    const before = (a: SourceRange['start'], b: SourceRange['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
    return before(selection.start, range.start) || before(range.end, selection.end) ? range : selection;
}
