import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = fileURLToPath(new URL('../../dist/server.cjs', import.meta.url));

/**
 * An editor's side of a conversation with the language server, over any connection:
 * collects what the server publishes and anything it logs as an error, and answers
 * the server's own requests the way an editor would.
 */
export class LspClient {
    readonly diagnostics = new Map<string, Diagnostic[]>();
    readonly errors: string[] = [];
    /** What the server showed the user (window/showMessage), in order. */
    readonly shown: { type: number; message: string }[] = [];
    /** How often the server asked the editor to refresh lenses, hints, tokens. */
    readonly refreshes = new Map<string, number>();
    private readonly waiters: { uri: string; version?: number; resolve: () => void; test: (d: Diagnostic[]) => boolean }[] = [];
    private readonly published = new Map<string, number>();

    /** `beforeListen`: handlers of the subclass's own, registered before the connection listens. */
    constructor(readonly connection: ProtocolConnection, beforeListen: (connection: ProtocolConnection) => void = () => undefined) {
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            this.diagnostics.set(params.uri, params.diagnostics);
            this.published.set(params.uri, (this.published.get(params.uri) ?? 0) + 1);
            for (const waiter of [...this.waiters]) {
                if (waiter.uri === params.uri && waiter.test(params.diagnostics)) {
                    this.waiters.splice(this.waiters.indexOf(waiter), 1);
                    waiter.resolve();
                }
            }
        });
        this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
            if (params.type === 1) this.errors.push(params.message);
        });
        this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
            this.shown.push(params);
        });
        // Answer the server's own requests the way an editor would.
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('workspace/configuration', () => []);
        for (const method of ['workspace/semanticTokens/refresh', 'workspace/inlayHint/refresh', 'workspace/codeLens/refresh']) {
            this.connection.onRequest(method, () => {
                this.refreshes.set(method, (this.refreshes.get(method) ?? 0) + 1);
                return null;
            });
        }
        beforeListen(this.connection);
        this.connection.listen();
    }

    async initialize(rootUri: string | null): Promise<unknown> {
        const result = await this.connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
            capabilities: {
                workspace: {
                    didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true,
                    codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true }, semanticTokens: { refreshSupport: true }
                },
                textDocument: {
                    synchronization: { didSave: true },
                    publishDiagnostics: { relatedInformation: true },
                    completion: { completionItem: { snippetSupport: false } },
                    hover: { contentFormat: ['markdown'] },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } }
                }
            }
        });
        await this.connection.sendNotification('initialized', {});
        return result;
    }

    /** Resolves at the next publication for `uri` that passes `test`. */
    waitForDiagnostics(uri: string, test: (d: Diagnostic[]) => boolean = () => true, timeout = 20_000): Promise<Diagnostic[]> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeout} ms; last: ${JSON.stringify(this.diagnostics.get(uri))}`)), timeout);
            this.waiters.push({ uri, test, resolve: () => { clearTimeout(timer); resolve(this.diagnostics.get(uri)!); } });
        });
    }

    open(uri: string, text: string, version = 1): Promise<void> {
        return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cycle', version, text } });
    }

    close(uri: string): Promise<void> {
        return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }

    change(uri: string, text: string, version: number): Promise<void> {
        return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    save(uri: string): Promise<void> {
        return this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    }

    request<R>(method: string, params: unknown): Promise<R> {
        return this.connection.sendRequest(method, params) as Promise<R>;
    }

    async stop(): Promise<void> {
        try {
            await Promise.race([this.connection.sendRequest('shutdown'), new Promise(r => setTimeout(r, 2000))]);
            await this.connection.sendNotification('exit');
        } catch {
            // already gone
        }
        this.connection.dispose();
    }
}

/** The built language server, started as a process and spoken to over stdio, as an editor does. */
export class LspProcess extends LspClient {
    private readonly child: ChildProcess;
    exited = false;

    constructor(args: string[] = [SERVER, '--stdio']) {
        const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
        super(createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)));
        this.child = child;
        this.child.on('exit', () => { this.exited = true; });
        this.child.stderr!.on('data', chunk => this.errors.push(String(chunk)));
    }

    override async stop(): Promise<void> {
        await super.stop();
        this.child.kill();
    }
}
