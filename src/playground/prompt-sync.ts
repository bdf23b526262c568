import { LSPPlugin } from '@codemirror/lsp-client';
import { ViewPlugin, type ViewUpdate } from '@codemirror/view';

/**
 * Sends each change to the server soon after it is typed. The client's own automatic
 * sync waits half a second of quiet, which alone would spend five times the playground's
 * budget from keystroke to repainted diagram (100 ms); a few milliseconds still merge
 * the changes of one burst (a paste, a held key) into one message.
 */
export function promptSync(delayMs = 15) {
    return ViewPlugin.fromClass(class {
        private pending: ReturnType<typeof setTimeout> | undefined;
        update(update: ViewUpdate): void {
            if (!update.docChanged || this.pending !== undefined) return;
            this.pending = setTimeout(() => {
                this.pending = undefined;
                LSPPlugin.get(update.view)?.client.sync();
            }, delayMs);
        }
        destroy(): void {
            if (this.pending !== undefined) clearTimeout(this.pending);
        }
    });
}
