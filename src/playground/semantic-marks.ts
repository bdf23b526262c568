import { LSPPlugin } from '@codemirror/lsp-client';
import { StateEffect, StateField, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import type * as lsp from 'vscode-languageserver-protocol';

/**
 * The server's semantic tokens with the `critical` and `unmitigated` modifiers, drawn
 * as the extension's defaults draw them in VS Code (package.json,
 * semanticTokenColorCustomizations): critical moments bold orange wherever their id
 * appears, unmitigated ones bold red and underlined. The other tokens are left to the
 * page's own highlighting, which needs no round trip.
 */
const setMarks = StateEffect.define<DecorationSet>();
const critical = Decoration.mark({ class: 'cm-critical-moment', attributes: { title: 'Critical moment' } });
const unmitigated = Decoration.mark({ class: 'cm-unmitigated-moment', attributes: { title: 'Critical moment without a prevent mitigation' } });

const marks = StateField.define<DecorationSet>({
    create: () => Decoration.none,
    update(value, transaction) {
        value = value.map(transaction.changes);
        for (const effect of transaction.effects) if (effect.is(setMarks)) value = effect.value;
        return value;
    },
    provide: field => EditorView.decorations.from(field)
});

export function semanticMarks(): Extension {
    return [marks, EditorView.baseTheme({
        // Also on the highlighting's own spans inside the mark, which would colour them otherwise.
        '.cm-critical-moment, .cm-critical-moment *': { color: 'var(--critical) !important', fontWeight: 'bold' },
        '.cm-unmitigated-moment, .cm-unmitigated-moment *': { color: 'var(--unmitigated) !important', fontWeight: 'bold', textDecoration: 'underline' }
    })];
}

/** Asks the server for the tokens of the document as it has it, and marks the critical ones. */
export async function refreshSemanticMarks(view: EditorView): Promise<void> {
    const plugin = LSPPlugin.get(view);
    const legend = plugin?.client.serverCapabilities?.semanticTokensProvider?.legend;
    if (!plugin || !legend) return;
    const criticalBit = legend.tokenModifiers.indexOf('critical');
    const unmitigatedBit = legend.tokenModifiers.indexOf('unmitigated');
    if (criticalBit < 0) return;
    const syncedDoc = plugin.syncedDoc;
    const tokens = await plugin.client.request<lsp.SemanticTokensParams, lsp.SemanticTokens | null>('textDocument/semanticTokens/full', { textDocument: { uri: plugin.uri } });
    const current = LSPPlugin.get(view);
    if (!tokens || !current || current.syncedDoc !== syncedDoc) return; // a newer version will ask again
    const ranges: Range<Decoration>[] = [];
    let line = 0;
    let character = 0;
    const data = tokens.data;
    for (let i = 0; i + 4 < data.length; i += 5) {
        line += data[i];
        character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
        const modifiers = data[i + 4];
        if (!(modifiers & (1 << criticalBit))) continue;
        const from = current.unsyncedChanges.mapPos(current.fromPosition({ line, character }, syncedDoc));
        const to = current.unsyncedChanges.mapPos(current.fromPosition({ line, character: character + data[i + 2] }, syncedDoc));
        const isUnmitigated = unmitigatedBit >= 0 && (modifiers & (1 << unmitigatedBit)) !== 0;
        if (to > from) ranges.push((isUnmitigated ? unmitigated : critical).range(from, to));
    }
    view.dispatch({ effects: setMarks.of(Decoration.set(ranges, true)) });
}
