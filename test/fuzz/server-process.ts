/**
 * The built language server (dist/server.cjs) as an editor sees it, for the fuzzing
 * harness: every request carries a deadline and comes back as a result, an error or
 * a time-out; everything the server publishes, logs or prints is kept, with the step
 * of the session it came after. (test/server/lsp-client.ts is the friendlier
 * client of the integration tests; this one never throws.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
    createProtocolConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { join } from 'node:path';
import { PROJECT_ROOT } from './generators.js';

export const SERVER = join(PROJECT_ROOT, 'dist', 'server.cjs');

export interface Publication {
    uri: string;
    version: number | undefined;
    diagnostics: Diagnostic[];
    /** The number of session steps sent before it arrived. */
    step: number;
}

export type Answer =
    | { outcome: 'result'; value: unknown; ms: number }
    | { outcome: 'error'; code: number; message: string; ms: number }
    | { outcome: 'timeout'; ms: number };

export class ServerProcess {
    readonly publications: Publication[] = [];
    /** What the server wrote to standard error. */
    stderr = '';
    /** Messages the server logged as errors (window/logMessage type 1). */
    readonly loggedErrors: string[] = [];
    exit: { code: number | null; signal: string | null } | null = null;
    step = 0;
    private readonly child: ChildProcess;
    private readonly connection: ProtocolConnection;

    constructor() {
        this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        this.child.on('exit', (code, signal) => { this.exit = { code, signal }; });
        this.child.stderr!.on('data', chunk => { this.stderr += String(chunk); });
        // A dead server closes its pipes; the writes that follow must not crash the harness.
        this.child.stdin!.on('error', () => undefined);
        this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
        this.connection.onError(() => undefined);
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            this.publications.push({ uri: params.uri, version: params.version, diagnostics: params.diagnostics, step: this.step });
        });
        this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
            if (params.type === 1) this.loggedErrors.push(params.message);
        });
        // The server's own requests, answered as an editor would.
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.onRequest('workspace/configuration', () => []);
        for (const method of ['workspace/semanticTokens/refresh', 'workspace/inlayHint/refresh', 'workspace/codeLens/refresh']) {
            this.connection.onRequest(method, () => null);
        }
        this.connection.listen();
    }

    get alive(): boolean {
        return this.exit === null;
    }

    async initialize(rootUri: string): Promise<Answer> {
        const answer = await this.request('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
            capabilities: {
                workspace: {
                    didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, symbol: {},
                    codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true }, semanticTokens: { refreshSupport: true }
                },
                textDocument: {
                    synchronization: { didSave: true },
                    publishDiagnostics: { relatedInformation: true, versionSupport: true },
                    completion: { completionItem: { snippetSupport: true } },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    rename: { prepareSupport: true },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
                    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
                    semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] }
                }
            }
        }, 60_000);
        await this.notify('initialized', {});
        return answer;
    }

    async notify(method: string, params: unknown): Promise<void> {
        if (!this.alive) return;
        try {
            await this.connection.sendNotification(method, params);
        } catch {
            // the server is gone: the caller sees it in `exit`
        }
    }

    /** Sends a request and waits at most `deadlineMs` for its answer. */
    async request(method: string, params: unknown, deadlineMs: number): Promise<Answer> {
        const started = performance.now();
        const elapsed = (): number => Math.round(performance.now() - started);
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<Answer>(resolve => { timer = setTimeout(() => resolve({ outcome: 'timeout', ms: elapsed() }), deadlineMs); });
        const answer = this.connection.sendRequest(method, params).then(
            (value): Answer => ({ outcome: 'result', value, ms: elapsed() }),
            (error: unknown): Answer => error instanceof ResponseError
                ? { outcome: 'error', code: error.code, message: error.message, ms: elapsed() }
                : { outcome: 'error', code: Number.NaN, message: String(error), ms: elapsed() }
        );
        try {
            return await Promise.race([answer, timeout]);
        } finally {
            clearTimeout(timer);
        }
    }

    /** Resolves once the server has published nothing for `quietMs` (or after `maxMs`). */
    async settle(quietMs: number, maxMs: number): Promise<void> {
        const end = Date.now() + maxMs;
        let seen = -1;
        while (Date.now() < end && this.alive) {
            if (seen === this.publications.length) return;
            seen = this.publications.length;
            await new Promise(resolve => setTimeout(resolve, quietMs));
        }
    }

    async stop(): Promise<void> {
        if (this.alive) {
            await this.request('shutdown', null, 3000);
            await this.notify('exit', null);
        }
        this.connection.dispose();
        await new Promise(resolve => setTimeout(resolve, 50));
        if (this.alive) this.child.kill('SIGKILL');
    }
}
