import {
    Cancellation, DefaultDocumentBuilder, DocumentState, Emitter, OperationCancelled, UriUtils, type Event, type LangiumDocument, type MaybePromise, type URI
} from 'langium';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { PendingUpdates } from './pending-updates.js';

/**
 * Langium's document builder with three additions:
 * - a full validation (every rule, on every document) can be requested for the next
 *   build. The request survives a cancelled build: when a keystroke interrupts it,
 *   the build for that keystroke carries it out instead;
 * - a request waiting for a document (hover, code lens… sent while it is being built)
 *   is always answered: see `notifyDocumentPhase` and `awaitDocumentState`;
 * - a request is answered for the text the editor has sent last, never for the text
 *   before it: see `expectUpdate`.
 */
export class CycleDocumentBuilder extends DefaultDocumentBuilder {
    private fullValidationPending = false;
    private readonly fullValidations = new Emitter<void>();
    private readonly pendingUpdates = new PendingUpdates();
    private readonly completedPhases = new Emitter<DocumentState>();
    /** The documents the update under way was asked about, settled when it has reset them. */
    private updating: URI[] = [];

    /** Fires when a full validation (every rule, every document) has completed. */
    get onFullValidation(): Event<void> {
        return this.fullValidations.event;
    }

    requestFullValidation(): void {
        this.fullValidationPending = true;
    }

    /**
     * The editor has changed what `uri` holds (opened, edited, closed it, or the file
     * changed on disk), and an update for it is on its way. Until that update starts,
     * the document still has the state of its previous text, and a request about it
     * (or about the whole workspace) would be answered for that text: the request
     * waits for the update instead. Called as the notification is handled, before any
     * later message; every call must be followed by an `update` naming `uri`, or by
     * `updateAbandoned`, else requests about `uri` wait until they are cancelled.
     */
    expectUpdate(uri: URI): void {
        this.pendingUpdates.expect(uri.toString());
    }

    /** No update will come for `uri` after all (it failed before it could run). */
    updateAbandoned(uri: URI): void {
        this.pendingUpdates.settle([uri.toString()]);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        // Settled in emitUpdate, once Langium has reset these documents (or found them gone).
        this.updating = [...changed, ...deleted];
        if (!this.fullValidationPending) {
            return super.update(changed, deleted, cancelToken);
        }
        const usual = this.updateBuildOptions;
        this.updateBuildOptions = { validation: true };
        for (const document of this.langiumDocuments.all) {
            if (document.state === DocumentState.Validated) this.resetToState(document, DocumentState.IndexedReferences);
        }
        try {
            await super.update(changed, deleted, cancelToken);
            this.fullValidationPending = false;
            this.fullValidations.fire();
        } finally {
            this.updateBuildOptions = usual;
        }
    }

    protected override emitUpdate(changed: URI[], deleted: URI[]): Promise<void> {
        this.pendingUpdates.settle([...this.updating, ...changed, ...deleted].map(uri => uri.toString()));
        this.updating = [];
        return super.emitUpdate(changed, deleted);
    }

    /**
     * A workspace-wide request (workspace symbols, references, rename) waits for the
     * updates already announced, then for the workspace to reach `state`. Langium's
     * own wait listens for the build phase, which it announces only when some document
     * went through it: after a close or a save, nothing is parsed again, the phase
     * passes in silence and the request waited until the next keystroke. Here every
     * phase the build completes is heard (`runCancelable`).
     */
    protected override awaitBuilderState(state: DocumentState, cancelToken: Cancellation.CancellationToken): Promise<void> {
        if (this.pendingUpdates.size === 0) return this.awaitWorkspaceState(state, cancelToken);
        return afterOrCancelled(this.pendingUpdates.whenAllSettled(), cancelToken, () => this.awaitWorkspaceState(state, cancelToken));
    }

    private awaitWorkspaceState(state: DocumentState, cancelToken: Cancellation.CancellationToken): Promise<void> {
        if (this.currentState >= state) return Promise.resolve();
        if (cancelToken.isCancellationRequested) return Promise.reject(OperationCancelled);
        return new Promise<void>((resolve, reject) => {
            const stop = (): void => {
                reached.dispose();
                cancelled.dispose();
            };
            const reached = this.completedPhases.event(() => {
                if (this.currentState >= state) {
                    stop();
                    resolve();
                }
            });
            const cancelled = cancelToken.onCancellationRequested(() => {
                stop();
                reject(OperationCancelled);
            });
        });
    }

    /** Langium sets the workspace's state at the end of each phase, with or without documents in it. */
    protected override async runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: Cancellation.CancellationToken,
        callback: (document: LangiumDocument) => MaybePromise<unknown>): Promise<void> {
        await super.runCancelable(documents, targetState, cancelToken, callback);
        this.completedPhases.fire(targetState);
    }

    /**
     * Langium checks for cancellation before each listener of a document phase and
     * skips the remaining ones once the build is cancelled. A request waiting for the
     * document to reach that phase is such a listener: skipped, it was never answered
     * (the document is past the phase, so no later build tells it again). The
     * listeners are all quick (waiters, cache resets, publishing diagnostics), so all
     * of them always hear it; the build itself stops at its next check.
     */
    protected override async notifyDocumentPhase(document: LangiumDocument, state: DocumentState, _cancelToken: Cancellation.CancellationToken): Promise<void> {
        await super.notifyDocumentPhase(document, state, Cancellation.CancellationToken.None);
    }

    /**
     * A request sent right after `didOpen` can arrive before the update that adds the
     * document has run (the server is still building what came before). Langium
     * answers it "cancelled", and editors do not ask again: the file stays without code
     * lenses or highlighting until it is edited. While the document is open, wait for
     * it instead. Any wait ends when the document reaches the state, when it is
     * removed (closed, deleted: Langium's own wait never ended then) or when the
     * request is cancelled. Before any of that, a request about a document whose
     * update is announced (`expectUpdate`) waits for that update to start.
     */
    protected override awaitDocumentState(state: DocumentState, uri: URI, cancelToken: Cancellation.CancellationToken): Promise<URI> {
        if (this.pendingUpdates.isPending(uri.toString())) {
            return afterOrCancelled(this.pendingUpdates.whenSettled(uri.toString()), cancelToken, () => this.awaitSettledDocumentState(state, uri, cancelToken));
        }
        return this.awaitSettledDocumentState(state, uri, cancelToken);
    }

    private awaitSettledDocumentState(state: DocumentState, uri: URI, cancelToken: Cancellation.CancellationToken): Promise<URI> {
        const document = this.langiumDocuments.getDocument(uri);
        const opening = !document && this.textDocuments?.get(uri.toString()) !== undefined;
        const settledAtOnce = document
            ? document.state >= state || cancelToken.isCancellationRequested || this.currentState >= state
            : !opening;
        if (settledAtOnce) return super.awaitDocumentState(state, uri, cancelToken);
        return new Promise<URI>((resolve, reject) => {
            const stop = (): void => {
                reached.dispose();
                removed.dispose();
                cancelled.dispose();
            };
            const reached = this.onDocumentPhase(state, reachedDocument => {
                if (UriUtils.equals(reachedDocument.uri, uri)) {
                    stop();
                    resolve(reachedDocument.uri);
                }
            });
            const removed = this.onUpdate((_changed, deleted) => {
                if (deleted.some(gone => UriUtils.equals(gone, uri))) {
                    stop();
                    reject(new ResponseError(LSPErrorCodes.ServerCancelled, `${uri.toString()} was closed or deleted.`));
                }
            });
            const cancelled = cancelToken.onCancellationRequested(() => {
                stop();
                reject(OperationCancelled);
            });
        });
    }
}

/** `next()` once `first` resolves, unless the request is cancelled before. */
function afterOrCancelled<T>(first: Promise<void>, cancelToken: Cancellation.CancellationToken, next: () => Promise<T>): Promise<T> {
    if (cancelToken.isCancellationRequested) return Promise.reject(OperationCancelled);
    return new Promise<T>((resolve, reject) => {
        const cancelled = cancelToken.onCancellationRequested(() => {
            cancelled.dispose();
            reject(OperationCancelled);
        });
        void first.then(() => {
            cancelled.dispose();
            if (cancelToken.isCancellationRequested) reject(OperationCancelled);
            else next().then(resolve, reject);
        });
    });
}
