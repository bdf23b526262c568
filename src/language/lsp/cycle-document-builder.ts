import {
    Cancellation, DefaultDocumentBuilder, DocumentState, Emitter, OperationCancelled, UriUtils, type Event, type LangiumDocument, type URI
} from 'langium';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';

/**
 * Langium's document builder with two additions:
 * - a full validation (every rule, on every document) can be requested for the next
 *   build. The request survives a cancelled build: when a keystroke interrupts it,
 *   the build for that keystroke carries it out instead;
 * - a request waiting for a document (hover, code lens… sent while it is being built)
 *   is always answered: see `notifyDocumentPhase` and `awaitDocumentState`.
 */
export class CycleDocumentBuilder extends DefaultDocumentBuilder {
    private fullValidationPending = false;
    private readonly fullValidations = new Emitter<void>();

    /** Fires when a full validation (every rule, every document) has completed. */
    get onFullValidation(): Event<void> {
        return this.fullValidations.event;
    }

    requestFullValidation(): void {
        this.fullValidationPending = true;
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
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
     * request is cancelled.
     */
    protected override awaitDocumentState(state: DocumentState, uri: URI, cancelToken: Cancellation.CancellationToken): Promise<URI> {
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
