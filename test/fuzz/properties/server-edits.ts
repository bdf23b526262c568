/**
 * Property: the language server survives any editing session. A random session
 * (open, incremental and full edits, save, close, reopen, every request the server
 * offers, the preview's and compare's custom messages) runs against the built server
 * over stdio, in a temporary workspace. Then:
 * - the server never exits, and prints no uncaught exception, unhandled rejection or
 *   stack trace, and logs no error;
 * - every request is answered within the deadline, with a well-shaped result (never
 *   an error dressed as a result, never a position outside the document) or a
 *   cancellation error;
 * - diagnostics end up only on open documents and workspace files, inside their text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-protocol';
import { diagnosticProblems, resultProblems } from '../checks/lsp-results.js';
import { DOCUMENT_SLOTS, EXAMPLES, session, type IncrementalEdit, type SessionAction } from '../generators.js';
import type { FuzzProperty } from '../runner.js';
import { ServerProcess, type Answer } from '../server-process.js';
import { noteRequest, stats } from '../stats.js';
import { removeFolder, temporaryFolder } from '../workspace.js';

/** How long a request may take. An editor feels anything slower as a hang. */
export const REQUEST_DEADLINE_MS = Number(process.env.FUZZ_DEADLINE_MS ?? 2000);

/** Errors a server may answer with: the request was overtaken by an edit, or cancelled. */
const CANCELLATIONS = new Set([-32800, -32801, -32802]);

const CRASH_TEXT = /uncaught exception|unhandled rejection|^\s+at\s+\S.*:\d+:\d+\)?\s*$/im;

interface OpenDocument {
    version: number;
    text: string;
}

/** The editor's side of a session: which documents are open with which text, and what is on disk. */
class Editor {
    readonly open = new Map<string, OpenDocument>();
    readonly disk = new Map<string, string>();
    /** Every text each document held, to place the diagnostics published on the way. */
    readonly history = new Map<string, string[]>();
    private versions = new Map<string, number>();

    constructor(readonly folder: string) {
        for (const slot of DOCUMENT_SLOTS) {
            if (slot.disk) this.disk.set(this.uri(DOCUMENT_SLOTS.indexOf(slot)), slot.name === 'team.cycle' ? EXAMPLES.get('team.cycle')! : EXAMPLES.get('bank-check-cashing.cycle')!);
        }
        for (const [uri, text] of this.disk) this.remember(uri, text);
    }

    uri(slot: number): string {
        const { scheme, name } = DOCUMENT_SLOTS[slot];
        return scheme === 'untitled' ? `untitled:${name}` : pathToFileURL(join(this.folder, name)).href;
    }

    textOf = (uri: string): string | undefined => this.open.get(uri)?.text ?? this.disk.get(uri);

    nextVersion(uri: string): number {
        const version = (this.versions.get(uri) ?? 0) + 1;
        this.versions.set(uri, version);
        return version;
    }

    remember(uri: string, text: string): void {
        const texts = this.history.get(uri) ?? [];
        texts.push(text);
        this.history.set(uri, texts);
    }

    /** A workspace file the server knows without an editor: a `.cycle` file on disk. */
    isWorkspaceFile(uri: string): boolean {
        return this.disk.has(uri) && uri.endsWith('.cycle');
    }
}

/** The place `line`/`character` name in `text`, wrapped into it and never inside a surrogate pair or a CRLF. */
function place(text: string, line: number, character: number): number {
    const document = TextDocument.create('file:///x', 'cycle', 0, text);
    const at = line % document.lineCount;
    const lineText = document.getText({ start: { line: at, character: 0 }, end: { line: at + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
    return safeOffset(text, document.offsetAt({ line: at, character: character % (lineText.length + 1) }));
}

function safeOffset(text: string, offset: number): number {
    const code = text.charCodeAt(offset);
    const previous = text.charCodeAt(offset - 1);
    if ((code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff) || (text[offset] === '\n' && text[offset - 1] === '\r')) return offset - 1;
    return offset;
}

function positionAt(text: string, offset: number): Position {
    return TextDocument.create('file:///x', 'cycle', 0, text).positionAt(offset);
}

function applyEdit(text: string, edit: IncrementalEdit): { text: string; range: Range; insert: string } {
    const start = place(text, edit.line, edit.character);
    let end = Math.min(text.length, start + edit.deleteLength);
    if (end > start) end = Math.max(start, safeOffset(text, end) === end ? end : end + 1);
    end = Math.min(end, text.length);
    return { text: text.substring(0, start) + edit.insert + text.substring(end), range: { start: positionAt(text, start), end: positionAt(text, end) }, insert: edit.insert };
}

function whole(text: string): Range {
    return { start: { line: 0, character: 0 }, end: positionAt(text, text.length) };
}

/** The parameters of a request, as an editor would send them at this point. */
function requestParams(action: Extract<SessionAction, { kind: 'request' }>, uri: string, text: string, lastDiagnostics: Diagnostic[]): unknown {
    const textDocument = { uri };
    const position = positionAt(text, place(text, action.line, action.character));
    switch (action.method) {
        case 'textDocument/references': return { textDocument, position, context: { includeDeclaration: true } };
        case 'textDocument/rename': return { textDocument, position, newName: action.text.substring(0, 80) };
        case 'textDocument/documentSymbol':
        case 'textDocument/foldingRange':
        case 'textDocument/semanticTokens/full':
        case 'textDocument/codeLens': return { textDocument };
        case 'textDocument/inlayHint': return { textDocument, range: whole(text) };
        case 'textDocument/codeAction': return { textDocument, range: { start: position, end: position }, context: { diagnostics: lastDiagnostics.slice(0, 5), only: undefined } };
        case 'textDocument/formatting': return { textDocument, options: { tabSize: action.tabSize, insertSpaces: true } };
        case 'textDocument/rangeFormatting': return { textDocument, range: { start: position, end: whole(text).end }, options: { tabSize: action.tabSize, insertSpaces: true } };
        case 'workspace/symbol': return { query: action.text.substring(0, 40) };
        case 'cycle/getPreviewModel': return { uri };
        case 'cycle/compare': return { uri, oldText: action.text };
        default: return { textDocument, position };
    }
}

/** What the server did wrong so far: exit, crash text on stderr, errors logged. */
function processProblems(server: ServerProcess, after: string): string[] {
    const problems: string[] = [];
    if (!server.alive) {
        stats.exits++;
        problems.push(`the server exited (code ${server.exit!.code}, signal ${server.exit!.signal}) ${after}`);
    }
    const crash = CRASH_TEXT.exec(server.stderr);
    if (crash) {
        stats.unhandledExceptions++;
        const start = Math.max(0, server.stderr.lastIndexOf('\n', crash.index - 1));
        problems.push(`the server printed ${after}: ${server.stderr.substring(start, start + 400).trim()}`);
    }
    if (server.loggedErrors.length > 0) {
        if (server.loggedErrors.some(message => CRASH_TEXT.test(message))) stats.unhandledExceptions++;
        problems.push(`the server logged an error ${after}: ${server.loggedErrors[0].substring(0, 400)}`);
    }
    return problems;
}

function answerProblems(method: string, answer: Answer, uri: string, editor: Editor): string[] {
    noteRequest(method, answer.ms);
    if (answer.outcome === 'timeout') return [`${method} was not answered within ${REQUEST_DEADLINE_MS} ms`];
    if (answer.outcome === 'error') {
        // A rename refuses a new name that is no id with an "invalid params" error and a message.
        const refusal = answer.code === -32602 && method === 'textDocument/rename' && answer.message.trim() !== '';
        return CANCELLATIONS.has(answer.code) || refusal ? [] : [`${method} failed with error ${answer.code}: ${answer.message.substring(0, 300)}`];
    }
    const problems = resultProblems(method, answer.value, uri, editor.textOf);
    if (problems.length > 0) stats.misshapenResults++;
    const more = problems.length > 3 ? [`${method}: … and ${problems.length - 3} more problems like these`] : [];
    return problems.slice(0, 3).map(p => `${method}: ${p}`).concat(more);
}

/** Performs one action; returns the problems it revealed (a skipped action reveals none). */
async function perform(action: SessionAction, server: ServerProcess, editor: Editor): Promise<string[]> {
    if (action.kind === 'pause') {
        await new Promise(resolve => setTimeout(resolve, action.ms));
        return [];
    }
    if (action.kind === 'watch-preview') {
        await server.notify('cycle/watchPreview', { uris: action.slots.map(s => editor.uri(s)) });
        return [];
    }
    // The slot drawn is taken among the documents the action makes sense for (open
    // documents for an edit, closed ones for an open), so that few actions are wasted.
    const custom = action.kind === 'request' && (action.method.startsWith('cycle/') || action.method === 'workspace/symbol');
    const candidates = DOCUMENT_SLOTS.map((_, slot) => editor.uri(slot))
        .filter(uri => custom || (action.kind === 'open') !== editor.open.has(uri));
    if (candidates.length === 0) return [];
    const uri = candidates[action.slot % candidates.length];
    const open = editor.open.get(uri);
    switch (action.kind) {
        case 'open': {
            if (open) return [];
            const version = editor.nextVersion(uri);
            editor.open.set(uri, { version, text: action.text });
            editor.remember(uri, action.text);
            await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cycle', version, text: action.text } });
            return [];
        }
        case 'close':
            if (!open) return [];
            editor.open.delete(uri);
            await server.notify('textDocument/didClose', { textDocument: { uri } });
            return [];
        case 'save': {
            if (!open) return [];
            if (uri.startsWith('file:')) {
                const created = !editor.disk.has(uri);
                writeFileSync(new URL(uri), open.text);
                editor.disk.set(uri, open.text);
                if (uri.endsWith('.cycle')) await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: created ? 1 : 2 }] });
            }
            await server.notify('textDocument/didSave', { textDocument: { uri } });
            return [];
        }
        case 'edit': {
            if (!open) return [];
            const contentChanges = action.edits.map(edit => {
                const applied = applyEdit(open.text, edit);
                open.text = applied.text;
                return { range: applied.range, text: applied.insert };
            });
            open.version = editor.nextVersion(uri);
            editor.remember(uri, open.text);
            stats.edits += contentChanges.length;
            await server.notify('textDocument/didChange', { textDocument: { uri, version: open.version }, contentChanges });
            return [];
        }
        case 'replace':
            if (!open) return [];
            open.text = action.text;
            open.version = editor.nextVersion(uri);
            editor.remember(uri, open.text);
            stats.edits++;
            await server.notify('textDocument/didChange', { textDocument: { uri, version: open.version }, contentChanges: [{ text: action.text }] });
            return [];
        case 'request': {
            // An editor asks about the documents it shows; the preview and compare may ask about any.
            if (!open && !custom) return [];
            const text = editor.textOf(uri) ?? '';
            const last = [...server.publications].reverse().find(p => p.uri === uri)?.diagnostics ?? [];
            const answer = await server.request(action.method, requestParams(action, uri, text, last), REQUEST_DEADLINE_MS);
            return answerProblems(action.method, answer, uri, editor);
        }
    }
}

async function eventually(condition: () => boolean, maxMs: number): Promise<boolean> {
    const end = Date.now() + maxMs;
    while (!condition()) {
        if (Date.now() > end) return false;
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    return true;
}

/** Diagnostics: on open documents and workspace files only, in the end; always inside some text the document held. */
async function diagnosticsProblems(server: ServerProcess, editor: Editor): Promise<string[]> {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const publication of server.publications) {
        const key = publication.uri + JSON.stringify(publication.diagnostics);
        if (seen.has(key)) continue; // republished as it was: checked once
        seen.add(key);
        const texts = [...new Set(editor.history.get(publication.uri) ?? [])];
        publication.diagnostics.forEach((diagnostic, i) => {
            const fits = texts.map(text => diagnosticProblems(diagnostic, text, `diagnostic ${i} published for ${publication.uri}`));
            if (!fits.some(p => p.length === 0)) problems.push(...(fits.at(-1) ?? [`a diagnostic was published for ${publication.uri}, which the editor never had`]).slice(0, 1));
        });
    }
    const last = (uri: string): Diagnostic[] | undefined => [...server.publications].reverse().find(p => p.uri === uri)?.diagnostics;
    const uris = new Set(server.publications.map(p => p.uri));
    for (const uri of uris) {
        const shown = editor.open.has(uri) || editor.isWorkspaceFile(uri);
        if (!shown && !(await eventually(() => (last(uri) ?? []).length === 0, 5000))) {
            problems.push(`${last(uri)!.length} diagnostics stay published for ${uri}, which is neither open nor a workspace file (first: ${JSON.stringify(last(uri)![0].message)})`);
        }
        const text = editor.open.get(uri)?.text;
        const fitsFinal = (): boolean => text === undefined || (last(uri) ?? []).every(d => diagnosticProblems(d, text, '').length === 0);
        if (shown && !(await eventually(fitsFinal, 5000))) {
            const bad = (last(uri) ?? []).map((d, i) => diagnosticProblems(d, text, `final diagnostic ${i} of ${uri}`)).find(p => p.length > 0)!;
            problems.push(...bad.slice(0, 1));
        }
    }
    return problems;
}

export async function checkSession(actions: SessionAction[]): Promise<string[]> {
    const folder = temporaryFolder('lsp');
    const editor = new Editor(folder);
    for (const [uri, text] of editor.disk) writeFileSync(new URL(uri), text);
    const server = new ServerProcess();
    try {
        const started = await server.initialize(pathToFileURL(folder).href);
        if (started.outcome !== 'result') return [`the server did not start: ${JSON.stringify(started)}`];
        // The session goes on after a problem (a long run looks past the kinds it already
        // reported), unless the server is gone or hangs.
        const problems: string[] = [];
        const add = (more: string[]): void => { for (const p of more) if (!problems.includes(p)) problems.push(p); };
        for (let i = 0; i < actions.length; i++) {
            server.step = i + 1;
            add(await perform(actions[i], server, editor));
            add(processProblems(server, `after step ${i + 1} (${actions[i].kind})`));
            if (!server.alive || problems.some(p => p.includes('was not answered'))) return problems;
            server.loggedErrors.length = 0;
            server.stderr = '';
        }
        // Still there, and still answering?
        const alive = await server.request('workspace/symbol', { query: '' }, REQUEST_DEADLINE_MS * 2);
        add(answerProblems('workspace/symbol', alive, '', editor));
        add(processProblems(server, 'at the end of the session'));
        if (!server.alive || alive.outcome === 'timeout') return problems;
        await server.settle(300, 3000);
        add(await diagnosticsProblems(server, editor));
        add(processProblems(server, 'after the session settled'));
        return problems;
    } finally {
        await server.stop();
        removeFolder(folder);
    }
}

/** A session as a person reads it: one step a line, long texts cut short. */
export function showSession(actions: SessionAction[]): string {
    return actions.map((action, i) => `${i + 1}. ${JSON.stringify(action, (_, value) =>
        typeof value === 'string' && value.length > 400 ? `${value.substring(0, 300)}… (${value.length} characters)` : value)}`).join('\n');
}

export const serverEdits: FuzzProperty<SessionAction[]> = {
    name: 'language server: random editing sessions',
    arbitrary: session,
    check: checkSession,
    show: showSession
};
