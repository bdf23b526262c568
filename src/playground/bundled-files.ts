import { bytesToBase64 } from '../domain/base64-bytes.js';
import {
    WORKSPACE_READ_BYTES_REQUEST, WORKSPACE_READ_DIRECTORY_REQUEST, WORKSPACE_READ_FILE_REQUEST, WORKSPACE_STAT_REQUEST,
    type WorkspaceEntry, type WorkspaceFileBytes, type WorkspaceFileParams, type WorkspaceFileText, type WorkspaceStat
} from '../protocol.js';

/** A file the page carries: its path inside the playground's folder, and its text. */
export interface BundledFile {
    readonly path: string;
    readonly text: string;
}

/** The playground's one workspace folder: the document is file:///playground.cycle, so its `results` paths land here. */
export const PLAYGROUND_FOLDER = 'file:///';

/** Why a file outside the bundled ones cannot be read: the user's own files never reach the page. */
export const NOT_BUNDLED = 'the playground holds only the results files of its bundled examples; open the cycle in VS Code or run the cycle CLI beside its files to read yours';

/** A workspace request the tree answers: its result, or the reason it failed. */
export type WorkspaceAnswer = { readonly result: WorkspaceStat | WorkspaceEntry[] | WorkspaceFileText | WorkspaceFileBytes } | { readonly error: string };

/**
 * The bundled files as a tiny read-only file tree at file:///, answering the language
 * server's workspace requests (ClientFileSystem in the worker asks these): the bank
 * example's `results "bank-waves/2026-q1.csv"` is file:///bank-waves/2026-q1.csv.
 * Folders are those the paths imply. Paths are compared decoded, so a name the server
 * writes percent-encoded (a space as %20) still matches.
 */
export class BundledFileTree {
    private readonly files = new Map<string, string>();
    /** Each folder's path ('' is the root) and the names directly in it. */
    private readonly folders = new Map<string, Set<string>>([['', new Set()]]);

    constructor(files: readonly BundledFile[]) {
        for (const file of files) {
            const parts = file.path.split('/').filter(part => part.length > 0 && part !== '.');
            if (parts.length === 0 || parts.includes('..')) continue;
            this.files.set(parts.join('/'), file.text);
            for (let i = 0; i < parts.length; i++) {
                const parent = parts.slice(0, i).join('/');
                if (!this.folders.has(parent)) this.folders.set(parent, new Set());
                this.folders.get(parent)!.add(parts[i]);
            }
        }
    }

    /** Whether the page carries any file (without one, the playground declares no folder). */
    get isEmpty(): boolean {
        return this.files.size === 0;
    }

    stat(uri: string): WorkspaceStat {
        const path = pathOf(uri);
        if (path === undefined) return null;
        if (this.files.has(path)) return entry(path, 'file');
        if (this.folders.has(path)) return entry(path, 'folder');
        return null;
    }

    readDirectory(uri: string): WorkspaceEntry[] {
        const path = pathOf(uri);
        const names = path === undefined ? undefined : this.folders.get(path);
        if (path === undefined || !names) throw new Error(`${uri} is not a folder of the playground`);
        return [...names].sort().map(name => {
            const child = path ? `${path}/${name}` : name;
            return entry(child, this.files.has(child) ? 'file' : 'folder');
        });
    }

    readFile(uri: string): WorkspaceFileText {
        const path = pathOf(uri);
        const text = path === undefined ? undefined : this.files.get(path);
        if (text === undefined) throw new Error(NOT_BUNDLED);
        return { text };
    }

    /** A results file as the server asks for it: its bytes (the bundled text in UTF-8), in base64. */
    readBytes(uri: string): WorkspaceFileBytes {
        return { base64: bytesToBase64(new TextEncoder().encode(this.readFile(uri).text)) };
    }

    /** The answer to one of the server's workspace requests, or undefined: not one of those. */
    answer(method: string, params: unknown): WorkspaceAnswer | undefined {
        const uri = String((params as Partial<WorkspaceFileParams> | null)?.uri ?? '');
        try {
            switch (method) {
                case WORKSPACE_STAT_REQUEST: return { result: this.stat(uri) };
                case WORKSPACE_READ_DIRECTORY_REQUEST: return { result: this.readDirectory(uri) };
                case WORKSPACE_READ_FILE_REQUEST: return { result: this.readFile(uri) };
                case WORKSPACE_READ_BYTES_REQUEST: return { result: this.readBytes(uri) };
                default: return undefined;
            }
        } catch (error) {
            return { error: (error as Error).message };
        }
    }
}

/** The path inside file:/// a URI names ('' for the folder itself), decoded; undefined for any other place. */
function pathOf(uri: string): string | undefined {
    if (!uri.startsWith('file:///')) return undefined;
    let path: string;
    try {
        path = decodeURIComponent(uri.slice('file:///'.length).split(/[?#]/)[0]);
    } catch {
        return undefined;
    }
    return path.split('/').filter(part => part.length > 0).join('/');
}

function entry(path: string, kind: 'file' | 'folder'): WorkspaceEntry {
    const uri = PLAYGROUND_FOLDER + path.split('/').map(encodeURIComponent).join('/');
    return { uri, isFile: kind === 'file', isDirectory: kind === 'folder' };
}
