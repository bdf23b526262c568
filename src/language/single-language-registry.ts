import { DefaultServiceRegistry, type LangiumCoreServices, type URI } from 'langium';

/**
 * The language server serves one language, so every document it holds is a cycle,
 * whatever its name (`untitled:Untitled-1`, a `notes.txt` switched to the cycle
 * language). Langium's registry finds the language by the editor's language id while
 * the document is open, then by extension, and throws for anything else: one such
 * document left in the workspace failed every later build. Here the lookup of a
 * document's services never fails; whether a file on disk is a cycle (`hasServices`,
 * which the workspace scan and the file watcher ask) is still decided by extension.
 */
export class OneLanguageServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        const [only] = this.all;
        return this.all.length === 1 && only ? only : super.getServices(uri);
    }

    /**
     * Langium's own `hasServices` asks `getServices` and reports whether it threw; with
     * the lookup above never throwing, the workspace scan would read every file of the
     * workspace (a workflow's `.yml`, a README) as a cycle and fill the Problems view.
     */
    override hasServices(uri: URI): boolean {
        try {
            super.getServices(uri);
            return true;
        } catch {
            return false;
        }
    }
}

/**
 * The command line checks exactly the files it is given: a file named on the
 * command line is a cycle whatever its extension (`notes.txt`, `TEAM.CYCLE`), so it
 * is read as one instead of failing inside Langium's lookup by extension. Folders
 * are still searched for `*.cycle` only, before this registry is asked.
 */
export class SingleLanguageServiceRegistry extends OneLanguageServiceRegistry {
    override hasServices(uri: URI): boolean {
        return this.all.length === 1 || super.hasServices(uri);
    }
}
