import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ResponseError, type Diagnostic, type Range, type TextEdit, type WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { layoutCycle, VIEWS } from '../../src/diagram/index.js';
import { renderSvg } from '../../src/diagram/render-svg.js';
import { drawComparison } from '../../src/extension/compare/draw-comparison.js';
import { PREVIEW_MODEL_REQUEST, PREVIEW_WATCH_NOTIFICATION, type CompareResult, type PreviewModel } from '../../src/protocol.js';
import { LspProcess } from './lsp-client.js';
import { PROJECT_ROOT } from '../cli/run-cli.js';

/*
 * Issue 10 ("Trust"), the language server's part: the server never dies, never
 * answers an error as a result, and never trips over half-typed text or bad params.
 */

const bank = readFileSync(`${PROJECT_ROOT}/examples/bank-check-cashing.cycle`, 'utf8');
const ROLE_CLERK = 'role clerk "Clerk"\n';
const DESK = 'cycle desk "Cash a check"\n  goal "Get cash"\n  moment arrive "Arrive"\n    by clerk\n';

const servers: LspProcess[] = [];
afterEach(async () => {
    await Promise.all(servers.splice(0).map(server => server.stop()));
});

async function startServer(folder: string | null): Promise<LspProcess> {
    const server = new LspProcess();
    servers.push(server);
    await server.initialize(folder ? pathToFileURL(folder).toString() : null);
    return server;
}

/** A workspace folder on disk with the given files. */
function workspace(files: Record<string, string>): { folder: string; uriOf: (name: string) => string } {
    const folder = mkdtempSync(join(tmpdir(), 'cycle-trust-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    return { folder, uriOf: name => pathToFileURL(join(folder, name)).toString() };
}

const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map(d => String(d.code));
const says = (diagnostic: Diagnostic, word: string): boolean => JSON.stringify(diagnostic.message).includes(word);

/** Opens `uri` and resolves with its first published diagnostics. */
async function openAndCheck(server: LspProcess, uri: string, text: string, version = 1): Promise<Diagnostic[]> {
    const published = server.waitForDiagnostics(uri);
    await server.open(uri, text, version);
    return published;
}

/** Closes `uri` and resolves once the server has cleared its diagnostics. */
async function closeAndCleared(server: LspProcess, uri: string): Promise<void> {
    const cleared = server.waitForDiagnostics(uri, d => d.length === 0);
    await server.close(uri);
    await cleared;
}

async function symbols(server: LspProcess, query: string): Promise<string[]> {
    const found = await server.request<WorkspaceSymbol[]>('workspace/symbol', { query });
    return found.map(s => s.name);
}

/** The outcome of a request: its result, or the JSON-RPC error it was answered with. */
async function settle(promise: Promise<unknown>): Promise<{ result: unknown } | { error: unknown }> {
    try {
        return { result: await promise };
    } catch (error) {
        return { error };
    }
}

describe('issue 10 item 1: closed documents that are not workspace files leave the server', () => {
    it('issue 10 item 1: an untitled cycle, once closed, leaves the workspace and the server keeps working', async () => {
        const { folder, uriOf } = workspace({ 'desk.cycle': ROLE_CLERK + DESK });
        const server = await startServer(folder);
        const untitled = 'untitled:Untitled-1';
        await openAndCheck(server, untitled, ROLE_CLERK + 'cycle zanzibar "Z"\n  moment m "M"\n');
        expect(await symbols(server, 'zanzibar')).toEqual(['zanzibar']);

        await closeAndCleared(server, untitled);
        expect(await symbols(server, 'zanzibar')).toEqual([]);

        // A file declaring the same top-level role is not a duplicate of the closed one.
        const desk = uriOf('desk.cycle');
        expect(codes(await openAndCheck(server, desk, ROLE_CLERK + DESK))).not.toContain('duplicate-id');
        await server.save(desk);
        // Builds still run: a new problem typed in is reported.
        const unresolved = server.waitForDiagnostics(desk, d => d.some(x => says(x, 'nobody')));
        await server.change(desk, ROLE_CLERK + DESK + '  moment leave "Leave"\n    by nobody\n', 2);
        await unresolved;
        expect(server.exited).toBe(false);
        expect(server.errors.join('\n')).toBe('');
    }, 60_000);

    it('issue 10 item 1: a notes.txt opened as a cycle works while open and leaves when closed', async () => {
        const { folder, uriOf } = workspace({ 'notes.txt': 'just notes\n', 'desk.cycle': ROLE_CLERK + DESK });
        const server = await startServer(folder);
        const notes = uriOf('notes.txt');
        const diagnostics = await openAndCheck(server, notes, ROLE_CLERK + bank);
        expect(codes(diagnostics)).toContain('critical-unmitigated');
        const outline = await server.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: notes } });
        expect(outline.map(s => s.name)).toContain('bank-check-cashing');

        await closeAndCleared(server, notes);
        const desk = uriOf('desk.cycle');
        expect(codes(await openAndCheck(server, desk, ROLE_CLERK + DESK))).not.toContain('duplicate-id');
        await server.save(desk);
        expect(await symbols(server, 'bank-check-cashing')).toEqual([]);
        expect(server.exited).toBe(false);
        expect(server.errors.join('\n')).toBe('');
    }, 60_000);

    it('issue 10 item 1: a closed .cycle file of the workspace goes back to its text on disk', async () => {
        const { folder, uriOf } = workspace({ 'team.cycle': ROLE_CLERK, 'desk.cycle': DESK });
        const server = await startServer(folder);
        const desk = uriOf('desk.cycle');
        const team = uriOf('team.cycle');
        expect(codes(await openAndCheck(server, desk, DESK)).join()).not.toMatch(/unresolved|linking/);

        // An unsaved rename in team.cycle leaves `by clerk` unresolved…
        const broken = server.waitForDiagnostics(desk, d => d.some(x => says(x, 'clerk')));
        await server.open(team, 'role teller "Teller"\n');
        await broken;
        // …until team.cycle is closed without saving: the file on disk still says clerk.
        const resolved = server.waitForDiagnostics(desk, d => !d.some(x => says(x, 'clerk')));
        await server.close(team);
        await resolved;
        expect(await symbols(server, 'clerk')).toEqual(['clerk']);
        expect(await symbols(server, 'teller')).toEqual([]);
        expect(server.errors.join('\n')).toBe('');
    }, 60_000);

    it('issue 10 item 1: a closed .cycle file outside the workspace folders leaves the workspace', async () => {
        const { folder, uriOf } = workspace({ 'desk.cycle': ROLE_CLERK + DESK });
        const elsewhere = mkdtempSync(join(tmpdir(), 'cycle-elsewhere-'));
        mkdirSync(join(elsewhere, 'sub'));
        writeFileSync(join(elsewhere, 'sub', 'outside.cycle'), ROLE_CLERK);
        const outside = pathToFileURL(join(elsewhere, 'sub', 'outside.cycle')).toString();
        const server = await startServer(folder);
        await openAndCheck(server, outside, ROLE_CLERK);
        await closeAndCleared(server, outside);
        expect(codes(await openAndCheck(server, uriOf('desk.cycle'), ROLE_CLERK + DESK))).not.toContain('duplicate-id');
        expect(server.errors.join('\n')).toBe('');
    }, 60_000);

    it('issue 10 item 1: an open document whose file is deleted on disk stays until it is closed', async () => {
        const { folder, uriOf } = workspace({ 'desk.cycle': DESK });
        const server = await startServer(folder);
        const desk = uriOf('desk.cycle');
        await openAndCheck(server, desk, DESK);
        rmSync(join(folder, 'desk.cycle'));
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: desk, type: 3 }] });
        const outline = await server.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: desk } });
        expect(outline.map(s => s.name)).toEqual(['desk']);
        expect(await symbols(server, 'desk')).toEqual(['desk']);
        await closeAndCleared(server, desk);
        expect(await symbols(server, 'desk')).toEqual([]);
        expect(server.errors.join('\n')).toBe('');
    }, 60_000);

    it('only .cycle files of the workspace are read: a YAML or text file beside them gets no diagnostics and no symbols (CI: the e2e Problems view filled with a workflow file)', async () => {
        const { folder, uriOf } = workspace({
            'desk.cycle': ROLE_CLERK + DESK,
            'cycle-review.yml': 'name: review\ncycle leaked "Leaked"\n',
            'notes.txt': 'cycle noted "Noted"\n  moment m\n'
        });
        const server = await startServer(folder);
        const desk = uriOf('desk.cycle');
        await openAndCheck(server, desk, ROLE_CLERK + DESK);
        await server.save(desk);
        expect(await symbols(server, 'desk')).toEqual(['desk']);
        expect(await symbols(server, 'leaked')).toEqual([]);
        expect(await symbols(server, 'noted')).toEqual([]);
        expect([...server.diagnostics.keys()]).toEqual([desk]);
        expect(server.errors.join('\n')).toBe('');
    }, 60_000);

    it('issue 10 item 1: opening and closing many untitled cycles leaves the workspace as it was', async () => {
        const server = await startServer(null);
        for (let i = 1; i <= 12; i++) {
            const uri = `untitled:Untitled-${i}`;
            await openAndCheck(server, uri, `${ROLE_CLERK}cycle scratch${i} "S"\n`);
            await closeAndCleared(server, uri);
        }
        expect(await symbols(server, 'scratch')).toEqual([]);
        expect(await symbols(server, 'clerk')).toEqual([]);
        expect(server.errors.join('\n')).toBe('');
    }, 120_000);
});

describe('issue 10 item 2: requests right after didOpen', () => {
    const REQUESTS = ['textDocument/foldingRange', 'textDocument/documentSymbol', 'textDocument/semanticTokens/full', 'textDocument/codeLens'] as const;
    const OPENS = 40;

    /** A document big enough to keep the server building while the burst arrives, as after opening a folder. */
    const BIG = ['cycle big "Big"', '  goal "g"', ...Array.from({ length: 3000 }, (_, i) => `  moment m${i} "Moment ${i}"\n    by clerk`)].join('\n');

    /**
     * Opens OPENS new documents while the server is busy, each followed at once by the
     * four requests an editor sends when it shows a file, and collects every outcome.
     */
    async function burst(server: LspProcess): Promise<{ method: string; outcome: { result: unknown } | { error: unknown } }[]> {
        const pending: Promise<{ method: string; outcome: { result: unknown } | { error: unknown } }>[] = [];
        void server.open('file:///trust/big.cycle', BIG);
        for (let i = 0; i < OPENS; i++) {
            const uri = `file:///trust/burst-${i}.cycle`;
            void server.open(uri, bank);
            for (const method of REQUESTS) {
                pending.push(settle(server.request(method, { textDocument: { uri } })).then(outcome => ({ method, outcome })));
            }
        }
        const unanswered = new Set(pending);
        for (const request of pending) void request.then(() => unanswered.delete(request));
        // A hang detector, not a speed check: every request must be answered at all.
        const hang = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${unanswered.size} requests never answered`)), 60_000).unref());
        return Promise.race([Promise.all(pending), hang]);
    }

    const rightShape = (method: string, result: unknown): boolean =>
        method === 'textDocument/semanticTokens/full'
            ? typeof result === 'object' && result !== null && Array.isArray((result as { data?: unknown }).data)
            : Array.isArray(result) && result.length > 0;

    it('issue 10 item 2: a request about a document the server does not hold is answered with an error, not with the error as its result', async () => {
        const server = await startServer(null);
        for (const method of REQUESTS) {
            const outcome = await settle(server.request(method, { textDocument: { uri: 'file:///trust/nowhere.cycle' } }));
            expect(outcome, method).toEqual({ error: expect.any(ResponseError) });
        }
        expect(server.exited).toBe(false);
    }, 60_000);

    it('issue 10 item 2: every answer is a result of the right shape or a proper JSON-RPC error, never an error object as the result', async () => {
        const server = await startServer(null);
        const outcomes = await burst(server);
        expect(outcomes).toHaveLength(OPENS * REQUESTS.length);
        const wrong = outcomes.filter(({ method, outcome }) => 'result' in outcome
            ? !rightShape(method, outcome.result)
            : !(outcome.error instanceof ResponseError && typeof outcome.error.code === 'number'));
        expect(wrong.map(w => `${w.method}: ${JSON.stringify(w.outcome)}`)).toEqual([]);
        expect(server.exited).toBe(false);
    }, 120_000);

    it('issue 10 item 2: a request right after didOpen waits for the document instead of being cancelled', async () => {
        const server = await startServer(null);
        const outcomes = await burst(server);
        const refused = outcomes.filter(({ outcome }) => !('result' in outcome));
        expect(refused.map(r => `${r.method}: ${(r.outcome as { error: Error }).error.message}`)).toEqual([]);
        expect(outcomes.every(({ method, outcome }) => 'result' in outcome && rightShape(method, outcome.result))).toBe(true);
    }, 120_000);
});

describe('issue 10 items 6 and 7: half-typed elements', () => {
    const HALF = 'role\ncycle half "Half typed"\n  goal "g"\n  moment first "First contact"\n  moment second "Second contact"\n  moment\n';

    it('issue 10 item 6: workspace/symbol answers while a document holds a bare role and a half-typed moment', async () => {
        const server = await startServer(null);
        await openAndCheck(server, 'file:///trust/half.cycle', HALF);
        expect(await symbols(server, '')).toEqual(expect.arrayContaining(['half', 'first', 'second']));
        expect(await symbols(server, 'sec')).toEqual(['second']);
        expect((await symbols(server, '')).every(name => name.length > 0)).toBe(true);
    }, 60_000);

    it('issue 10 item 7: Compare with HEAD answers while a moment is half typed', async () => {
        const server = await startServer(null);
        const uri = 'file:///trust/half.cycle';
        await openAndCheck(server, uri, HALF);
        const old = 'cycle half "Half typed"\n  goal "g"\n  moment first "First contact"\n';
        const result = await server.request<CompareResult>('cycle/compare', { uri, oldText: old });
        expect(result.after.flatMap(c => c.moments.map(m => m.label))).toEqual(expect.arrayContaining(['First contact', 'Second contact']));
        const drawn = drawComparison(result, 'light');
        expect(drawn.svgs).toHaveLength(1);
        expect(drawn.svgs[0]).toContain('Second contact');
        expect(drawn.html).toContain('second');
        // and with the half-typed moment on the old side too
        const both = await server.request<CompareResult>('cycle/compare', { uri, oldText: HALF.replace('Second', 'Other') });
        expect(drawComparison(both, 'dark').svgs).toHaveLength(1);
    }, 60_000);

    it('Compare with HEAD: the server answers data only (no markup), and the extension draws it in the editor\'s theme', async () => {
        const server = await startServer(null);
        const uri = 'file:///trust/themed.cycle';
        await openAndCheck(server, uri, bank);
        const result = await server.request<CompareResult>('cycle/compare', { uri, oldText: '' });
        expect(JSON.stringify(result)).not.toMatch(/<svg|<p>|<ul>/);
        expect(result.diff.changes.length).toBeGreaterThan(0);
        expect(result.before).toEqual([]);
        const light = drawComparison(result, 'light');
        const dark = drawComparison(result, 'dark');
        expect(light.svgs).toHaveLength(1);
        expect(dark.svgs[0]).not.toEqual(light.svgs[0]);
        expect(light.html).toContain('bank-check-cashing');
    }, 60_000);

    it('issue 10 item 7: the preview draws a cycle whose last moment is half typed, in every view', async () => {
        const server = await startServer(null);
        const uri = 'file:///trust/half.cycle';
        await openAndCheck(server, uri, HALF);
        const model = await server.request<PreviewModel>(PREVIEW_MODEL_REQUEST, { uri });
        expect(model.syntaxErrors).toBeGreaterThan(0); // so a fresh preview has no earlier diagram to fall back on
        for (const view of VIEWS) {
            const svg = renderSvg(layoutCycle(model.cycles[0], view), 'light');
            expect(svg, view).toContain('First contact');
            expect(svg, view).toContain('Second contact');
        }
    }, 60_000);
});

describe('issue 10 (custom requests): bad params get an error answer, the server carries on', () => {
    const INVALID_PARAMS = -32602;
    const MALFORMED: unknown[] = [null, 42, 'file:///x.cycle', [], {}, { uri: 42 }, { uri: null }, { uri: '' }, { uri: 'a:////b' }];

    it('issue 10 (custom requests): cycle/getPreviewModel and cycle/compare answer malformed params with an InvalidParams error', async () => {
        const server = await startServer(null);
        const uri = 'file:///trust/ok.cycle';
        await openAndCheck(server, uri, bank);
        const cases: [string, unknown][] = [
            ...MALFORMED.map(params => [PREVIEW_MODEL_REQUEST, params] as [string, unknown]),
            ...MALFORMED.map(params => ['cycle/compare', params] as [string, unknown]),
            ['cycle/compare', { uri }],
            ['cycle/compare', { uri, oldText: 42 }]
        ];
        for (const [method, params] of cases) {
            const outcome = await settle(server.request(method, params));
            expect('error' in outcome, `${method} ${JSON.stringify(params)}`).toBe(true);
            const error = (outcome as { error: ResponseError<unknown> }).error;
            expect(error.code, `${method} ${JSON.stringify(params)}: ${error.message}`).toBe(INVALID_PARAMS);
            expect(error.message).toContain(method);
        }
        // still answering, and still well
        const model = await server.request<PreviewModel>(PREVIEW_MODEL_REQUEST, { uri });
        expect(model.cycles[0].id).toBe('bank-check-cashing');
        expect(server.exited).toBe(false);
        expect(server.errors.join('\n')).toBe('');
    }, 60_000);

    it('issue 10 (custom requests): a malformed cycle/watchPreview is ignored', async () => {
        const server = await startServer(null);
        const uri = 'file:///trust/watched.cycle';
        for (const params of [null, 42, 'x', [1, 2], { uris: 'file:///a.cycle' }, { uris: [{}] }, { uris: ['a:////b'] }]) {
            await server.connection.sendNotification(PREVIEW_WATCH_NOTIFICATION, params);
        }
        await openAndCheck(server, uri, bank);
        const model = await server.request<PreviewModel>(PREVIEW_MODEL_REQUEST, { uri });
        expect(model.uri).toBe(uri);
        expect(server.exited).toBe(false);
        expect(server.errors.join('\n')).toBe('');
    }, 60_000);

    it('well-formed custom requests about a document the server does not hold still answer null', async () => {
        const server = await startServer(null);
        expect(await server.request(PREVIEW_MODEL_REQUEST, { uri: 'file:///trust/never-opened.cycle' })).toBeNull();
        expect(await server.request('cycle/compare', { uri: 'untitled:Untitled-9', oldText: '' })).toBeNull();
        expect(server.errors.join('\n')).toBe('');
    }, 60_000);
});

/*
 * What the fuzzer (test/fuzz, "language server: random editing sessions") found after
 * the first round: answers computed from a text the editor no longer shows.
 */
describe('issue 10 fuzz: answers fit the text the editor shows', () => {
    const TEAM = readFileSync(`${PROJECT_ROOT}/examples/team.cycle`, 'utf8');
    /** A workspace file big enough to keep the server's first build going while the editor opens another. */
    const BIG = ['role clerk "Clerk"', 'cycle big "Big"', '  goal "g"', ...Array.from({ length: 3000 }, (_, i) => `  moment m${i} "Moment ${i}"\n    by clerk`)].join('\n') + '\n';

    /** Every line/character a range names exists in `text`. */
    const fits = (range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): boolean => {
        const lines = text.split('\n');
        return [range.start, range.end].every(p => p.line < lines.length && p.character <= lines[p.line].length);
    };

    it('issue 10 fuzz: a workspace file closed without saving is answered for from its text on disk, right after the close', async () => {
        const { folder, uriOf } = workspace({ 'team.cycle': TEAM, 'big.cycle': BIG });
        const server = await startServer(folder);
        const team = uriOf('team.cycle');
        // Closed while the server is still checking every file after the open.
        await openAndCheck(server, team, bank);
        await server.close(team);
        const found = await server.request<WorkspaceSymbol[]>('workspace/symbol', { query: '' });
        const inTeam = found.filter(s => 'range' in s.location && s.location.uri === team);
        expect(inTeam.map(s => s.name).sort()).toEqual(['head-chef', 'shift-manager']);
        expect(inTeam.filter(s => !fits((s.location as { range: Range }).range, TEAM))).toEqual([]);
        expect(server.errors.join('\n')).toBe('');
    }, 60_000);

    it('issue 10 fuzz: workspace/symbol right after a new file is closed unsaved is answered', async () => {
        const { folder, uriOf } = workspace({ 'a.cycle': bank, 'team.cycle': TEAM });
        const server = await startServer(folder);
        const fresh = uriOf('new.cycle');
        await server.open(fresh, '');
        expect(await server.request('textDocument/hover', { textDocument: { uri: fresh }, position: { line: 0, character: 0 } })).toBeNull();
        await server.close(fresh);
        // Nothing is left to parse after the close: the wait must still end.
        const answer = await Promise.race([
            server.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'shift' }),
            new Promise(resolve => setTimeout(() => resolve('no answer within 20 s'), 20_000))
        ]);
        expect(answer).toEqual([expect.objectContaining({ name: 'shift-manager' })]);
        expect(server.errors.join('\n')).toBe('');
    }, 60_000);

    it('issue 10 fuzz: a workspace file opened with new text is answered for from that text, not from the disk', async () => {
        const { folder, uriOf } = workspace({ 'a.cycle': bank, 'big.cycle': BIG });
        const server = await startServer(folder);
        const a = uriOf('a.cycle');
        await server.open(a, '');
        expect(await server.request('textDocument/foldingRange', { textDocument: { uri: a } })).toEqual([]);
        expect(await server.request('textDocument/documentSymbol', { textDocument: { uri: a } })).toEqual([]);
        expect(server.errors.join('\n')).toBe('');
    }, 60_000);

    /** The quick fixes offered for every diagnostic of a freshly opened document. */
    async function quickFixes(server: LspProcess, uri: string, text: string): Promise<{ title: string; edit?: { changes: Record<string, { range: Range; newText: string }[]> } }[]> {
        const diagnostics = await openAndCheck(server, uri, text);
        const end = { line: text.split('\n').length - 1, character: 0 };
        return server.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics } });
    }

    it('issue 10 fuzz: quick fixes never show `undefined` for an element still without a name', async () => {
        const server = await startServer(null);
        // The last moment is half typed: the goal is marked on the last one with a name.
        const halfTyped = 'cycle c "c"\n  goal "g"\n  moment m "m"\n  moment\n';
        const lastHalfTyped = await quickFixes(server, 'untitled:A', halfTyped);
        const achieves = lastHalfTyped.find(a => a.title.includes('achieving the goal'));
        expect(achieves?.title).toBe('Mark the last moment, `m`, as achieving the goal');
        expect(TextDocument.applyEdits(TextDocument.create('untitled:A', 'cycle', 1, halfTyped), achieves!.edit!.changes['untitled:A']))
            .toBe('cycle c "c"\n  goal "g"\n  moment m "m"\n    achieves goal\n  moment\n');
        // An area without a name cannot be ranked yet.
        const namelessArea = await quickFixes(server, 'untitled:B', 'cycle c "c"\n  goal "g"\n  moment m "m"\n    achieves goal\n  area\n    for m\n');
        expect(namelessArea.filter(a => a.title.includes('priorities'))).toEqual([]);
        // A cycle without a name: its new role is still offered, in plain words.
        const namelessCycle = await quickFixes(server, 'untitled:C', 'cycle "c"\n  goal "g"\n  moment m "m"\n    by nobody\n    achieves goal\n');
        expect(namelessCycle.map(a => a.title)).toContain('Create role `nobody` in this cycle');
        const titles = [...lastHalfTyped, ...namelessArea, ...namelessCycle].map(a => a.title);
        expect(titles.filter(title => /undefined/.test(title))).toEqual([]);
        expect(server.errors.join('\n')).toBe('');
    }, 60_000);

    it('fuzz (seed 1605810777): a quick fix asked for with diagnostics of an older version never edits the newer text', async () => {
        // An editor may send the diagnostics it still shows while the server already holds
        // a newer text: the fuzzer did, and got an edit past the end of a line.
        const server = await startServer(null);
        const uri = 'untitled:Stale';
        const typo = bank.replace('    quality courtesy\n', '    quality curtesy\n');
        const stale = (await openAndCheck(server, uri, typo)).filter(d => d.code === 'unknown-quality');
        expect(stale).toHaveLength(1);
        // The first line is deleted: every finding now sits one line higher.
        const newer = typo.substring(typo.indexOf('\n') + 1);
        const republished = server.waitForDiagnostics(uri);
        await server.change(uri, newer, 2);
        const current = (await republished).filter(d => d.code === 'unknown-quality');
        expect(current[0].range.start.line).toBe(stale[0].range.start.line - 1);
        type Fix = { title: string; edit?: { changes: Record<string, TextEdit[]> } };
        const ask = (diagnostics: Diagnostic[]) => server.request<Fix[]>('textDocument/codeAction', {
            textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics }
        });
        const fixed = (fixes: Fix[]) => fixes.map(f => TextDocument.applyEdits(TextDocument.create(uri, 'cycle', 2, newer), f.edit!.changes[uri]));
        // The old finding no longer describes this text: nothing is offered for it.
        expect(await ask(stale)).toEqual([]);
        // The current one is fixed where the typo now is.
        const fixes = await ask(current);
        expect(fixes[0].title).toBe('Change to `courtesy`');
        expect(fixed(fixes)[0]).toBe(newer.replace('    quality curtesy\n', '    quality courtesy\n'));
        expect(server.errors.join('\n')).toBe('');
    }, 60_000);
});
