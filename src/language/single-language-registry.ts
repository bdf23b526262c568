import { DefaultServiceRegistry, type LangiumCoreServices, type URI } from 'langium';

/**
 * The command line checks exactly the files it is given: a file named on the
 * command line is a cycle whatever its extension (`notes.txt`, `TEAM.CYCLE`), so it
 * is read as one instead of failing inside Langium's lookup by extension. Folders
 * are still searched for `*.cycle` only, before this registry is asked.
 */
export class SingleLanguageServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        const [only] = this.all;
        return this.all.length === 1 && only ? only : super.getServices(uri);
    }

    override hasServices(uri: URI): boolean {
        return this.all.length === 1 || super.hasServices(uri);
    }
}
