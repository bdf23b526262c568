import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionList, Hover, LocationLink, TextEdit } from 'vscode-languageserver-protocol';
import { ResponseError } from 'vscode-languageserver-protocol';
import {
    PREVIEW_MODEL_REQUEST, WORKSPACE_READ_BYTES_REQUEST, WORKSPACE_READ_DIRECTORY_REQUEST, WORKSPACE_READ_FILE_REQUEST, WORKSPACE_STAT_REQUEST,
    type PreviewModel, type WorkspaceEntry, type WorkspaceFileBytes, type WorkspaceFileParams, type WorkspaceFileText, type WorkspaceStat
} from '../../src/protocol.js';
import { PROJECT_ROOT } from '../cli/run-cli.js';
import { LspWorker } from './lsp-worker.js';

/*
 * The language server's browser bundle, as VS Code for the Web and the playground run
 * it in a Web Worker, run here in a Node worker thread dressed as one (no browser).
 */

const example = (name: string): string => readFileSync(join(PROJECT_ROOT, 'examples', name), 'utf8');
const lineOf = (text: string, startsWith: string): number => text.split('\n').findIndex(line => line.startsWith(startsWith));
const BANK = example('bank-check-cashing.cycle');
const RESTAURANT = example('restaurant.cycle');
const TEAM = example('team.cycle');

describe('the browser bundle of the server, opened documents only (as the playground)', () => {
    const bank = 'inmemory://playground/bank-check-cashing.cycle';
    let server: LspWorker;
    beforeAll(async () => {
        server = new LspWorker();
        await server.initialize(null);
    });
    afterAll(async () => {
        await server?.stop();
    });

    it('publishes critical-unmitigated on the line of told-take-number', async () => {
        const published = server.waitForDiagnostics(bank, d => d.length > 0);
        await server.open(bank, BANK);
        const warning = (await published).find(d => d.code === 'critical-unmitigated');
        expect(warning?.severity).toBe(2);
        expect(warning?.range.start).toEqual({ line: lineOf(BANK, '  moment told-take-number'), character: 9 });
    });

    it('completes the ten quality components', async () => {
        const list = await server.request<CompletionList>('textDocument/completion', { textDocument: { uri: bank }, position: { line: lineOf(BANK, '    quality courtesy'), character: 12 } });
        expect(list.items.map(item => item.label)).toHaveLength(10);
        expect(list.items.map(item => item.label)).toContain('courtesy');
    });

    it('hovers a moment with its step and its missing mitigation', async () => {
        const hover = await server.request<Hover>('textDocument/hover', { textDocument: { uri: bank }, position: { line: lineOf(BANK, '  moment told-take-number'), character: 12 } });
        expect(JSON.stringify(hover.contents)).toMatch(/step 6 of 15.*no prevent mitigation/);
    });

    it('formats a badly indented document', async () => {
        const uri = 'inmemory://playground/messy.cycle';
        await server.open(uri, 'cycle c "x"\n     goal "g"\n     moment m "M"\n         feels    3\n');
        const edits = await server.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
        expect(edits[0].newText).toBe('cycle c "x"\n  goal "g"\n  moment m "M"\n    feels 3\n');
    });

    it('answers the preview model: fifteen moments, three of them critical', async () => {
        const model = await server.request<PreviewModel>(PREVIEW_MODEL_REQUEST, { uri: bank });
        expect(model.cycles).toHaveLength(1);
        expect(model.cycles[0].moments).toHaveLength(15);
        expect(model.cycles[0].moments.filter(moment => moment.critical).map(moment => moment.id)).toEqual(['told-take-number', 'wait-turn', 'receive-cash']);
    });

    it('resolves a role declared in a second opened file', async () => {
        const restaurant = 'inmemory://playground/restaurant.cycle';
        const team = 'inmemory://playground/team.cycle';
        await server.open(team, TEAM);
        const published = server.waitForDiagnostics(restaurant);
        await server.open(restaurant, RESTAURANT);
        expect((await published).filter(d => /shift-manager/.test(String(d.message)))).toEqual([]);
        const links = await server.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: restaurant }, position: { line: lineOf(RESTAURANT, '        owner shift-manager'), character: 14 } });
        expect(links[0].targetUri).toBe(team);
    });
});

/** The editor's side of the worker's file requests: a folder of files it alone knows. */
class ClientFiles {
    readonly reads: string[] = [];
    /** Results files, answered as bytes (as the extension answers them). */
    readonly bytes = new Map<string, Uint8Array>();
    constructor(readonly files: Map<string, string>, readonly unreadable: Set<string> = new Set()) { }

    answer(connection: LspWorker['connection']): void {
        connection.onRequest(WORKSPACE_READ_BYTES_REQUEST, (params: WorkspaceFileParams): WorkspaceFileBytes | ResponseError => {
            this.reads.push(params.uri);
            const bytes = this.bytes.get(params.uri);
            return bytes === undefined ? new ResponseError(-32803, 'no such file') : { base64: Buffer.from(bytes).toString('base64') };
        });
        connection.onRequest(WORKSPACE_READ_FILE_REQUEST, (params: WorkspaceFileParams): WorkspaceFileText | ResponseError => {
            this.reads.push(params.uri);
            if (this.unreadable.has(params.uri)) return new ResponseError(-32803, 'permission denied');
            const text = this.files.get(params.uri);
            return text === undefined ? new ResponseError(-32803, 'no such file') : { text };
        });
        connection.onRequest(WORKSPACE_READ_DIRECTORY_REQUEST, (params: WorkspaceFileParams): WorkspaceEntry[] => {
            const prefix = params.uri.endsWith('/') ? params.uri : params.uri + '/';
            const children = new Map<string, boolean>();
            for (const uri of this.files.keys()) {
                if (!uri.startsWith(prefix)) continue;
                const [name, ...deeper] = uri.substring(prefix.length).split('/');
                children.set(prefix + name, deeper.length > 0 || children.get(prefix + name) === true);
            }
            return [...children].map(([uri, isDirectory]) => ({ uri, isFile: !isDirectory, isDirectory }));
        });
        connection.onRequest(WORKSPACE_STAT_REQUEST, (params: WorkspaceFileParams): WorkspaceStat => {
            if (this.files.has(params.uri)) return { uri: params.uri, isFile: true, isDirectory: false };
            const isFolder = [...this.files.keys()].some(uri => uri.startsWith(params.uri.replace(/\/?$/, '/')));
            return isFolder ? { uri: params.uri, isFile: false, isDirectory: true } : null;
        });
    }
}

describe('the browser bundle of the server, with the workspace read from the editor (as VS Code for the Web)', () => {
    const root = 'vscode-test-web://mount/ws';
    const at = (path: string): string => `${root}/${path}`;
    const files = new Map<string, string>([
        [at('team.cycle'), TEAM],
        [at('restaurant.cycle'), RESTAURANT],
        [at('branch/bank-check-cashing.cycle'), BANK],
        [at('branch/cycle.config.json'), '{ "rules": { "critical-unmitigated": "error" } }'],
        [at('locked.cycle'), 'role locked "Never read"\n']
    ]);
    const client = new ClientFiles(files, new Set([at('locked.cycle')]));
    let server: LspWorker;
    beforeAll(async () => {
        server = new LspWorker(connection => client.answer(connection));
        await server.initialize(root);
    });
    afterAll(async () => {
        await server?.stop();
    });

    it('resolves a role from a file only the editor\'s file system holds (never opened)', async () => {
        const restaurant = at('restaurant.cycle');
        const published = server.waitForDiagnostics(restaurant);
        await server.open(restaurant, RESTAURANT);
        await published;
        const links = await server.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: restaurant }, position: { line: lineOf(RESTAURANT, '        owner shift-manager'), character: 14 } });
        expect(links[0]?.targetUri).toBe(at('team.cycle'));
        expect(client.reads).toContain(at('team.cycle'));
    });

    it('applies the cycle.config.json the editor holds beside a file', async () => {
        const bank = at('branch/bank-check-cashing.cycle');
        const published = server.waitForDiagnostics(bank, d => d.some(x => x.code === 'critical-unmitigated'));
        await server.open(bank, BANK);
        expect((await published).find(d => d.code === 'critical-unmitigated')?.severity).toBe(1);
    });

    it('reads the config again when the watcher reports it changed', async () => {
        const bank = at('branch/bank-check-cashing.cycle');
        files.set(at('branch/cycle.config.json'), '{ "rules": { "critical-unmitigated": "off" } }');
        const published = server.waitForDiagnostics(bank, d => !d.some(x => x.code === 'critical-unmitigated'));
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: at('branch/cycle.config.json'), type: 2 }] });
        await published;
    });

    it('takes in a file created on the editor\'s side when the watcher reports it', async () => {
        const symbols = (): Promise<{ name: string; location: { uri: string } }[]> => server.request('workspace/symbol', { query: 'sommelier' });
        expect(await symbols()).toEqual([]);
        files.set(at('cellar/wine.cycle'), 'role sommelier "Sommelier"\n');
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: at('cellar/wine.cycle'), type: 1 }] });
        await expect.poll(async () => (await symbols()).map(symbol => symbol.location.uri), { timeout: 10_000 }).toEqual([at('cellar/wine.cycle')]);
    });

    it('leaves out a file the editor cannot read, saying which and why, and keeps working', async () => {
        await expect.poll(() => server.errors.join('\n'), { timeout: 10_000 }).toMatch(/left vscode-test-web:\/\/mount\/ws\/locked\.cycle out of the workspace: .*permission denied/);
        const hover = await server.request<Hover>('textDocument/hover', { textDocument: { uri: at('branch/bank-check-cashing.cycle') }, position: { line: lineOf(BANK, '  moment told-take-number'), character: 12 } });
        expect(JSON.stringify(hover.contents)).toContain('step 6 of 15');
    });
});

describe('the browser bundle of the server, with survey results files read from the editor (as VS Code for the Web)', () => {
    const root = 'vscode-test-web://mount/results';
    const at = (path: string): string => `${root}/${path}`;
    const wave = (name: string): Uint8Array => readFileSync(join(PROJECT_ROOT, 'examples', 'bank-waves', name));
    const client = new ClientFiles(new Map([[at('bank-check-cashing.cycle'), BANK]]));
    client.bytes.set(at('bank-waves/2026-q1.csv'), wave('2026-q1.csv'));
    client.bytes.set(at('bank-waves/2026-q2.csv'), wave('2026-q2.csv'));
    const bank = at('bank-check-cashing.cycle');
    let server: LspWorker;
    beforeAll(async () => {
        server = new LspWorker(connection => client.answer(connection));
        await server.initialize(root);
    });
    afterAll(async () => {
        await server?.stop();
    });

    it('reads both waves the bank example lists, and checks the cycle against them', async () => {
        const published = server.waitForDiagnostics(bank, d => d.some(x => x.code === 'feels-contradicts-results'));
        await server.open(bank, BANK);
        const diagnostics = await published;
        expect(diagnostics.filter(d => String(d.code).startsWith('results-'))).toEqual([]);
        expect(client.reads).toContain(at('bank-waves/2026-q2.csv'));
        const hover = await server.request<Hover>('textDocument/hover', { textDocument: { uri: bank }, position: { line: lineOf(BANK, '  moment told-take-number'), character: 12 } });
        expect(JSON.stringify(hover.contents)).toMatch(/CSAT/);
    });

    it('says a results file is not UTF-8 at the byte where it stops being so, after the watcher reports the change', async () => {
        // A spreadsheet's "CSV" in Windows-1252: "é" is the single byte 0xE9. Decoded by the
        // editor as text, it would have arrived as U+FFFD and been read as an answer.
        const latin1 = Uint8Array.from([...Buffer.from('respondent,wave\nr1,caf'), 0xe9, ...Buffer.from('\n')]);
        client.bytes.set(at('bank-waves/2026-q2.csv'), latin1);
        const published = server.waitForDiagnostics(bank, d => d.some(x => /not UTF-8/.test(String(x.message))));
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: at('bank-waves/2026-q2.csv'), type: 2 }] });
        const notUtf8 = (await published).find(d => /not UTF-8/.test(String(d.message)))!;
        expect(notUtf8.message).toContain(`byte ${latin1.indexOf(0xe9) + 1}`);
    });
});
