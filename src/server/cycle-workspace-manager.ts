import { DefaultWorkspaceManager, type LangiumDocument, type Stream, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';

/**
 * The workspace scan, robust to one unreadable file: Langium's own would reject the
 * whole start-up (and the server would wait for a workspace that never gets ready)
 * when a single `.cycle` file cannot be read (permissions on disk, a failed request
 * to the editor in a browser worker). The file is left out, with a log line saying
 * which and why.
 */
export class CycleWorkspaceManager extends DefaultWorkspaceManager {
    private readonly log: (message: string) => void;

    constructor(services: LangiumSharedServices) {
        super(services);
        const connection = services.lsp.Connection;
        this.log = message => connection ? connection.console.error(message) : console.error(message);
    }

    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        await Promise.all(uris.map(async uri => {
            try {
                collector(await this.langiumDocuments.getOrCreateDocument(uri));
            } catch (error) {
                this.log(`cycle language server: left ${uri.toString()} out of the workspace: ${(error as Error).message ?? String(error)}`);
            }
        }));
    }
}
