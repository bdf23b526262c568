import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionList, Hover, LocationLink, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspProcess } from './lsp-client.js';
import { PROJECT_ROOT } from '../cli/run-cli.js';

const folder = mkdtempSync(join(tmpdir(), 'cycle-lsp-'));
cpSync(join(PROJECT_ROOT, 'examples'), folder, { recursive: true });
const uriOf = (name: string) => pathToFileURL(join(folder, name)).toString();
const textOf = (name: string) => readFileSync(join(folder, name), 'utf8');

const bank = uriOf('bank-check-cashing.cycle');
const restaurant = uriOf('restaurant.cycle');
let server: LspProcess;
const registrations: unknown[] = [];

beforeAll(async () => {
    server = new LspProcess();
    server.connection.onRequest('client/registerCapability', params => { registrations.push(params); return null; });
    await server.initialize(pathToFileURL(folder).toString());
});

afterAll(async () => {
    await server?.stop();
});

async function until(condition: () => boolean, timeout = 10_000): Promise<void> {
    for (const start = Date.now(); !condition(); await new Promise(r => setTimeout(r, 20))) {
        if (Date.now() - start > timeout) throw new Error('timed out');
    }
}

function lineOf(name: string, startsWith: string): number {
    return textOf(name).split('\n').findIndex(l => l.startsWith(startsWith));
}

describe('the language server over stdio', () => {
    it('publishes critical-unmitigated on the right line when the bank example is opened', async () => {
        const published = server.waitForDiagnostics(bank, d => d.length > 0);
        await server.open(bank, textOf('bank-check-cashing.cycle'));
        const diagnostics = await published;
        const warning = diagnostics.find(d => d.code === 'critical-unmitigated')!;
        expect(warning.severity).toBe(2);
        expect(warning.range.start).toEqual({ line: lineOf('bank-check-cashing.cycle', '  moment told-take-number'), character: 9 });
        expect(warning.source).toBe('cycle');
    });

    it('asks the editor to refresh code lenses, inlay hints and semantic tokens after the open-time full check', async () => {
        // The three requests are separate messages: each may arrive in its own read of
        // the pipe, so each is awaited rather than checked right after the first.
        for (const method of ['workspace/codeLens/refresh', 'workspace/inlayHint/refresh', 'workspace/semanticTokens/refresh']) {
            await expect.poll(() => server.refreshes.get(method) ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
        }
    });

    it('watches *.cycle files and cycle.config.json only', () => {
        const watchers = JSON.stringify(registrations);
        expect(watchers).toContain('**/*.cycle');
        expect(watchers).toContain('**/cycle.config.json');
        expect(watchers).not.toContain('"**/*"');
    });

    it('completes the ten quality components', async () => {
        const line = lineOf('bank-check-cashing.cycle', '    quality courtesy');
        const list = await server.request<CompletionList>('textDocument/completion', { textDocument: { uri: bank }, position: { line, character: 12 } });
        expect(list.items.map(i => i.label)).toHaveLength(10);
    });

    it('hovers a moment with its step and its missing mitigation', async () => {
        const line = lineOf('bank-check-cashing.cycle', '  moment told-take-number');
        const hover = await server.request<Hover>('textDocument/hover', { textDocument: { uri: bank }, position: { line, character: 12 } });
        expect(JSON.stringify(hover.contents)).toMatch(/step 6 of 15.*no prevent mitigation/);
    });

    it('goes to a top-level role declared in another file', async () => {
        await server.open(restaurant, textOf('restaurant.cycle'));
        const line = lineOf('restaurant.cycle', '        owner shift-manager');
        const links = await server.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: restaurant }, position: { line, character: 14 } });
        expect(links[0].targetUri).toBe(uriOf('team.cycle'));
    });

    it('renames a top-level role in every file that uses it', async () => {
        const line = lineOf('restaurant.cycle', '        owner shift-manager');
        const edit = await server.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: restaurant }, position: { line, character: 14 }, newName: 'duty-manager' });
        expect(Object.keys(edit.changes ?? {}).sort()).toEqual([restaurant, uriOf('team.cycle')].sort());
    });

    it('offers "Add a prevent mitigation" for the warning', async () => {
        const diagnostic = server.diagnostics.get(bank)!.find(d => d.code === 'critical-unmitigated')!;
        const actions = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: bank }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        expect(actions.map(a => a.title)).toEqual(['Add a prevent mitigation', 'Add prevent and recover mitigations']);
        const insert = actions[0].edit!.changes![bank][0].newText;
        expect(insert).toMatch(/^\n      prevent "[^"]+"\n        owner greeter$/);
    });

    it('formats a badly indented document, and leaves a broken one alone', async () => {
        const uri = uriOf('messy.cycle');
        await server.open(uri, 'cycle c "x"\n     goal "g"\n     moment m "M"\n         feels    3\n');
        const edits = await server.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
        expect(edits[0].newText).toBe('cycle c "x"\n  goal "g"\n  moment m "M"\n    feels 3\n');
        await server.change(uri, 'cycle c "x"\n     goal "g" "h"\n', 2);
        const none = await server.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
        expect(none).toEqual([]);
    });

    it('checks workspace-wide rules on open and save, and keeps them while typing', async () => {
        const uri = uriOf('extra-team.cycle');
        // A second top-level `head-chef`: a workspace-wide duplicate, found on open.
        let published = server.waitForDiagnostics(uri, d => d.some(x => x.code === 'duplicate-id'));
        await server.open(uri, 'role head-chef "Another head chef"\n');
        await published;
        // Typing runs only the fast rules; the duplicate stays visible.
        published = server.waitForDiagnostics(uri);
        await server.change(uri, 'role head-chef "Another head chef"\n# typing\n', 2);
        expect((await published).some(x => x.code === 'duplicate-id')).toBe(true);
        // Renamed and saved: the full check clears it.
        await server.change(uri, 'role sous-chef "Sous chef"\n', 3);
        published = server.waitForDiagnostics(uri, d => !d.some(x => x.code === 'duplicate-id') && d.some(x => x.code === 'unused-role'));
        await server.save(uri);
        await published;
    });

    it('re-validates every document when cycle.config.json changes', async () => {
        expect(server.diagnostics.get(bank)!.some(d => d.code === 'critical-without-recovery')).toBe(true);
        writeFileSync(join(folder, 'cycle.config.json'), JSON.stringify({ rules: { 'critical-without-recovery': 'off', 'critical-unmitigated': 'error' } }));
        const published = server.waitForDiagnostics(bank, d => !d.some(x => x.code === 'critical-without-recovery'));
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('cycle.config.json'), type: 1 }] });
        const diagnostics = await published;
        expect(diagnostics.find(d => d.code === 'critical-unmitigated')?.severity).toBe(1);
    });

    it('shows a broken cycle.config.json once per change of the file, not per keystroke', async () => {
        const before = server.shown.length;
        writeFileSync(join(folder, 'cycle.config.json'), JSON.stringify({ rules: { 'no-such-rule': 'off', 'critical-unmitigated': 'loud' } }));
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('cycle.config.json'), type: 2 }] });
        await until(() => server.shown.length > before);
        const notice = server.shown[before];
        expect(notice.type).toBe(2);
        expect(notice.message).toMatch(/^cycle\.config\.json .*unknown rule "no-such-rule".*"loud"/);
        // Typing does not repeat it.
        const published = server.waitForDiagnostics(bank);
        await server.change(bank, textOf('bank-check-cashing.cycle') + '\n# typing\n', 50);
        await published;
        await new Promise(r => setTimeout(r, 300));
        expect(server.shown.length).toBe(before + 1);
        writeFileSync(join(folder, 'cycle.config.json'), '{}');
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('cycle.config.json'), type: 2 }] });
    });

    it('answers a rename to something that is not an id with an error', async () => {
        const line = lineOf('bank-check-cashing.cycle', '  role greeter');
        await expect(server.request('textDocument/rename', { textDocument: { uri: bank }, position: { line, character: 8 }, newName: '1 bad name' }))
            .rejects.toThrow(/not a valid id/);
    });

    it('logged no error along the way', () => {
        expect(server.errors.join('\n')).toBe('');
        expect(server.exited).toBe(false);
    });
});
