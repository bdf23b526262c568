import { UriUtils, type FileSystemProvider, type URI } from 'langium';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { servesUri } from '../language/config/served-files.js';

/**
 * Whether a document the editor has closed stays in the server's workspace: only
 * when the workspace scan would have found it, that is a `.cycle` file on disk under
 * a workspace folder (read again from disk: unsaved edits were discarded). Anything
 * else (`untitled:`, a `notes.txt` switched to the cycle language, a file outside the
 * folders or deleted meanwhile) leaves: nothing would ever update it again, and its
 * top-level roles would clash with the files that remain.
 */
export async function staysWhenClosed(uri: URI, folders: readonly WorkspaceFolder[] | undefined, fileSystem: FileSystemProvider): Promise<boolean> {
    if (!servesUri(fileSystem, uri) || UriUtils.extname(uri) !== '.cycle') return false;
    if (!(folders ?? []).some(folder => UriUtils.contains(folder.uri, uri))) return false;
    try {
        return (await fileSystem.stat(uri)).isFile;
    } catch {
        return false; // gone from disk
    }
}
