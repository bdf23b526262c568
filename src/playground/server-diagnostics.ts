import { setDiagnostics, type Action, type Diagnostic } from '@codemirror/lint';
import { LSPPlugin, type LSPClient } from '@codemirror/lsp-client';
import { RangeSet, StateEffect, StateField, type Extension, type Text } from '@codemirror/state';
import { EditorView, GutterMarker, gutter } from '@codemirror/view';
import type * as lsp from 'vscode-languageserver-protocol';

const UNMITIGATED = 'critical-unmitigated';

/**
 * Diagnostics as the server publishes them, each with its quick fixes (the server's
 * code actions for it) as buttons, and a gutter mark on every line the server reports
 * `critical-unmitigated` for — what the VS Code extension shows in its gutter and
 * overview ruler. `onPublished` runs after each publication: the server has just
 * validated the document, the moment to ask for anything else computed from it.
 */
export function publishDiagnosticsHandler(onPublished: (view: EditorView) => void): (client: LSPClient, params: lsp.PublishDiagnosticsParams) => boolean {
    return (client, params) => {
        const file = client.workspace.getFile(params.uri);
        if (!file || (params.version !== null && params.version !== undefined && params.version !== file.version)) return false;
        const view = file.getView();
        const plugin = view && LSPPlugin.get(view);
        if (!view || !plugin) return false;
        const syncedDoc = plugin.syncedDoc;
        const show = (fixes: Map<lsp.Diagnostic, lsp.CodeAction[]>) => {
            const current = LSPPlugin.get(view);
            if (!current || current.syncedDoc !== syncedDoc && fixes.size > 0) return; // a newer version is on its way
            const mapped = params.diagnostics.map(item => toCodeMirror(current, syncedDoc, item, fixes.get(item) ?? []));
            view.dispatch(setDiagnostics(view.state, mapped), {
                effects: setUnmitigatedLines.of(params.diagnostics
                    .filter(item => String(item.code) === UNMITIGATED)
                    .map(item => current.unsyncedChanges.mapPos(current.fromPosition({ line: item.range.start.line, character: 0 }, syncedDoc))))
            });
        };
        show(new Map());
        onPublished(view);
        if (params.diagnostics.length > 0) void fetchFixes(client, params).then(show, () => undefined);
        return true;
    };
}

/** One request for the fixes of every diagnostic, each fix matched back to the diagnostic it answers. */
async function fetchFixes(client: LSPClient, params: lsp.PublishDiagnosticsParams): Promise<Map<lsp.Diagnostic, lsp.CodeAction[]>> {
    const end = params.diagnostics.reduce((last, d) => (d.range.end.line > last.line ? d.range.end : last), { line: 0, character: 0 });
    const actions = await client.request<lsp.CodeActionParams, (lsp.CodeAction | lsp.Command)[] | null>('textDocument/codeAction', {
        textDocument: { uri: params.uri },
        range: { start: { line: 0, character: 0 }, end: { line: end.line + 1, character: 0 } },
        context: { diagnostics: params.diagnostics, only: ['quickfix'] }
    });
    const key = (d: lsp.Diagnostic) => JSON.stringify([d.range, d.code ?? null, d.message]);
    const byKey = new Map(params.diagnostics.map(d => [key(d), d]));
    const fixes = new Map<lsp.Diagnostic, lsp.CodeAction[]>();
    for (const action of actions ?? []) {
        if (!('edit' in action) || !action.edit) continue;
        for (const answered of action.diagnostics ?? []) {
            const diagnostic = byKey.get(key(answered));
            if (diagnostic) fixes.set(diagnostic, [...(fixes.get(diagnostic) ?? []), action]);
        }
    }
    return fixes;
}

function toCodeMirror(plugin: LSPPlugin, syncedDoc: Text, item: lsp.Diagnostic, fixes: lsp.CodeAction[]): Diagnostic {
    const at = (position: lsp.Position) => plugin.unsyncedChanges.mapPos(plugin.fromPosition(position, syncedDoc));
    return {
        from: at(item.range.start),
        to: at(item.range.end),
        severity: item.severity === 1 ? 'error' : item.severity === 2 ? 'warning' : item.severity === 3 ? 'info' : 'hint',
        source: item.code !== undefined ? String(item.code) : undefined,
        message: typeof item.message === 'string' ? item.message : item.message.value,
        actions: fixes.map(fix => quickFix(fix, syncedDoc))
    };
}

/** A code action as a button under the diagnostic: applies the server's edits to this document. */
function quickFix(action: lsp.CodeAction, syncedDoc: Text): Action {
    return {
        name: action.title,
        apply(view: EditorView) {
            const plugin = LSPPlugin.get(view);
            if (!plugin) return;
            const edits = editsFor(action.edit!, plugin.uri);
            const changes = edits.map(edit => ({
                from: plugin.unsyncedChanges.mapPos(plugin.fromPosition(edit.range.start, syncedDoc)),
                to: plugin.unsyncedChanges.mapPos(plugin.fromPosition(edit.range.end, syncedDoc)),
                insert: edit.newText
            }));
            view.dispatch({ changes, userEvent: 'input.quickfix' });
        }
    };
}

function editsFor(edit: lsp.WorkspaceEdit, uri: string): lsp.TextEdit[] {
    const edits: lsp.TextEdit[] = [...(edit.changes?.[uri] ?? [])];
    for (const change of edit.documentChanges ?? []) {
        if (!('textDocument' in change) || change.textDocument.uri !== uri) continue;
        for (const edit of change.edits) if ('newText' in edit) edits.push(edit);
    }
    return edits;
}

// The gutter mark of unmitigated critical moments.
const setUnmitigatedLines = StateEffect.define<number[]>();

class UnmitigatedMarker extends GutterMarker {
    override toDOM(): Node {
        const mark = document.createElement('span');
        mark.className = 'cm-unmitigated-mark';
        mark.textContent = '⚠';
        mark.title = 'Critical moment without a prevent mitigation';
        return mark;
    }
}
const unmitigatedMarker = new UnmitigatedMarker();

const unmitigatedLines = StateField.define<RangeSet<GutterMarker>>({
    create: () => RangeSet.empty,
    update(marks, transaction) {
        marks = marks.map(transaction.changes);
        for (const effect of transaction.effects) {
            if (effect.is(setUnmitigatedLines)) {
                const doc = transaction.state.doc;
                const starts = [...new Set(effect.value.map(pos => doc.lineAt(Math.min(pos, doc.length)).from))].sort((a, b) => a - b);
                marks = RangeSet.of(starts.map(from => unmitigatedMarker.range(from)));
            }
        }
        return marks;
    }
});

/** The gutter beside the line numbers that holds the marks. */
export function unmitigatedGutter(): Extension {
    return [
        unmitigatedLines,
        gutter({ class: 'cm-unmitigated-gutter', markers: view => view.state.field(unmitigatedLines) }),
        EditorView.baseTheme({ '.cm-unmitigated-mark': { color: 'var(--unmitigated)', fontWeight: 'bold' } })
    ];
}
