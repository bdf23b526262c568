import type { PreviewModel } from '../../protocol.js';

/**
 * Which models reach the preview page, and when: nothing before the page says it is
 * ready (a message posted earlier is lost), then the file's last known model at once
 * and the server's current one after it unless it is that same version, then every
 * model the server pushes for the file shown. Kept apart from VS Code so the order
 * can be tested.
 */
export class PreviewFeed {
    private ready = false;
    private shown: string | undefined;
    private readonly models = new Map<string, PreviewModel>();

    constructor(
        private readonly post: (model: PreviewModel) => void,
        /** Asks the server for the file's current model (null: the server does not know it). */
        private readonly fetch: (uri: string) => Promise<PreviewModel | null>
    ) { }

    /** The file the preview shows, if any. */
    get uri(): string | undefined {
        return this.shown;
    }

    /** The last model known for `uri`. */
    latest(uri: string): PreviewModel | undefined {
        return this.models.get(uri);
    }

    /** A new page (opened, or restored after a reload) loads: it cannot receive yet. */
    pageLoading(): void {
        this.ready = false;
    }

    pageReady(): void {
        this.ready = true;
        if (this.shown) this.deliver(this.shown);
    }

    pageClosed(): void {
        this.ready = false;
        this.shown = undefined;
    }

    /** The preview now shows `uri` (opened on it, or following the active editor). */
    follow(uri: string): void {
        this.shown = uri;
        if (this.ready) this.deliver(uri);
    }

    /** A model the server pushed after a build. */
    received(model: PreviewModel): void {
        this.models.set(model.uri, model);
        if (this.ready && model.uri === this.shown) this.post(model);
    }

    private deliver(uri: string): void {
        const known = this.models.get(uri);
        if (known) this.post(known);
        this.fetch(uri).then(current => {
            if (!current) return;
            // The same version of the file with the same survey results: the page has it already.
            if (known && current.uri === known.uri && current.version !== null && current.version === known.version
                && JSON.stringify(current.results) === JSON.stringify(known.results)) return;
            this.received(current);
        }, () => undefined);
    }
}
