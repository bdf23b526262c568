import type { FileSystemProvider, URI } from 'langium';

/**
 * A file system that reads more than `file:` URIs (the browser worker's, which asks
 * the editor for the workspace's files: `vscode-vfs:`, `vscode-test-web:`…) says
 * which URIs it can read. Any other file system reads `file:` URIs only: Node's would
 * turn `memory:///a.cycle` into the path `/a.cycle` and read the wrong disk.
 */
export interface ServingFileSystem {
    serves(uri: URI): boolean;
}

/** Whether `fileSystem` can read what lives at `uri`. */
export function servesUri(fileSystem: FileSystemProvider, uri: URI): boolean {
    const serving = (fileSystem as FileSystemProvider & Partial<ServingFileSystem>).serves;
    return typeof serving === 'function' ? serving.call(fileSystem, uri) : uri.scheme === 'file';
}
