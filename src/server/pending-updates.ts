/**
 * The documents whose text has changed (opened, edited, closed, changed on disk)
 * while the update that takes the change into account has not started yet.
 *
 * An editor notification is handled at once, but Langium starts the update it causes
 * only once the build under way has stopped. A request arriving in between found the
 * document in the state of the previous text and was answered for that text: folding
 * ranges of the file on disk for a file just opened with other text, workspace
 * symbols of unsaved edits for a file just closed. A request about such a document
 * first waits here until its update has started (the document is then reset and the
 * usual wait for a build state applies).
 */
export class PendingUpdates {
    private readonly pending = new Map<string, { settled: Promise<void>; settle: () => void }>();

    /** `uri`'s text changed; an update for it will follow. */
    expect(uri: string): void {
        if (this.pending.has(uri)) return;
        let settle!: () => void;
        const settled = new Promise<void>(resolve => { settle = resolve; });
        this.pending.set(uri, { settled, settle });
    }

    /** An update has started for these documents (or none will come): waiting requests go on. */
    settle(uris: Iterable<string>): void {
        for (const uri of uris) {
            this.pending.get(uri)?.settle();
            this.pending.delete(uri);
        }
    }

    isPending(uri: string): boolean {
        return this.pending.has(uri);
    }

    /** Resolves once `uri`'s update has started (at once if none is pending). */
    whenSettled(uri: string): Promise<void> {
        return this.pending.get(uri)?.settled ?? Promise.resolve();
    }

    /** Resolves once the updates pending now have all started; later changes are not waited for. */
    whenAllSettled(): Promise<void> {
        return Promise.all([...this.pending.values()].map(p => p.settled)).then(() => undefined);
    }

    get size(): number {
        return this.pending.size;
    }
}
