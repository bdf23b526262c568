import { Cancellation, DefaultDocumentBuilder, DocumentState, Emitter, type Event, type URI } from 'langium';

/**
 * Langium's document builder with one addition: a full validation (every rule, on
 * every document) can be requested for the next build. The request survives a
 * cancelled build: when a keystroke interrupts it, the build for that keystroke
 * carries it out instead.
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
}
