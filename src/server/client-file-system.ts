import { URI, UriUtils, type FileSystemNode, type FileSystemProvider } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../language/config/rule-config.js';
import type { ServingFileSystem } from '../language/config/served-files.js';
import { base64ToBytes } from '../domain/base64-bytes.js';
import {
    WORKSPACE_READ_BYTES_REQUEST, WORKSPACE_READ_DIRECTORY_REQUEST, WORKSPACE_READ_FILE_REQUEST, WORKSPACE_STAT_REQUEST,
    type WorkspaceEntry, type WorkspaceFileBytes, type WorkspaceFileParams, type WorkspaceFileText, type WorkspaceStat
} from '../protocol.js';

/** A file system whose synchronous answers come from what it fetched before, and can fetch again. */
export interface RefreshableFileSystem {
    /** Fetches these files again (a watcher saw them change); forgets those that are gone. */
    refresh(uris: readonly URI[]): Promise<void>;
}

export function isRefreshable(fileSystem: FileSystemProvider): fileSystem is FileSystemProvider & RefreshableFileSystem {
    return typeof (fileSystem as Partial<RefreshableFileSystem>).refresh === 'function';
}

/**
 * The workspace's files for a server with no disk (the Web Worker of VS Code for the
 * Web): every read is a request to the client, which answers from the editor's file
 * system. Langium's workspace scan lists folders and reads `.cycle` files this way.
 *
 * The rule configuration is read synchronously (while validating), which a request
 * cannot be: every `cycle.config.json` a folder listing shows is fetched with it, and
 * the synchronous reads answer from those copies (`refresh` renews them when the
 * watcher reports a change). A failed request is an Error naming the file and the
 * client's reason; the callers log it and carry on.
 */
export class ClientFileSystem implements FileSystemProvider, ServingFileSystem, RefreshableFileSystem {
    /** The text of every config file fetched, by URI. */
    private readonly configs = new Map<string, string>();
    /** Every folder listed, by URI. */
    private readonly folders = new Set<string>();
    /** The schemes of the folders listed: the client's workspace lives there. */
    private readonly schemes = new Set<string>();

    constructor(private readonly connection: Connection) { }

    serves(uri: URI): boolean {
        return this.schemes.has(uri.scheme);
    }

    async stat(uri: URI): Promise<FileSystemNode> {
        const found = await this.ask<WorkspaceStat>(WORKSPACE_STAT_REQUEST, uri);
        if (!found) throw new Error(`${uri.toString()}: no such file or folder in the workspace`);
        return toNode(found);
    }

    async exists(uri: URI): Promise<boolean> {
        try {
            return (await this.ask<WorkspaceStat>(WORKSPACE_STAT_REQUEST, uri)) !== null;
        } catch {
            return false;
        }
    }

    async readFile(uri: URI): Promise<string> {
        const { text } = await this.ask<WorkspaceFileText>(WORKSPACE_READ_FILE_REQUEST, uri);
        if (isConfig(uri)) this.configs.set(uri.toString(), text);
        return text;
    }

    /**
     * The file's own bytes (a survey's results file): asking for its text instead would
     * let the editor decode it, and a file that is not UTF-8 would arrive with its bad
     * bytes already replaced, so the results reader could no longer say so.
     */
    async readBinary(uri: URI): Promise<Uint8Array> {
        const { base64 } = await this.ask<WorkspaceFileBytes>(WORKSPACE_READ_BYTES_REQUEST, uri);
        try {
            return base64ToBytes(base64);
        } catch {
            throw new Error(`the editor sent ${uri.toString()} garbled (not base64)`);
        }
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const entries = await this.ask<WorkspaceEntry[]>(WORKSPACE_READ_DIRECTORY_REQUEST, uri);
        this.folders.add(uri.toString());
        this.schemes.add(uri.scheme);
        const nodes = entries.map(toNode);
        await Promise.all(nodes.filter(node => node.isFile && isConfig(node.uri)).map(node => this.fetchConfig(node.uri)));
        return nodes;
    }

    async refresh(uris: readonly URI[]): Promise<void> {
        await Promise.all(uris.filter(isConfig).map(async uri => {
            this.configs.delete(uri.toString());
            if (await this.exists(uri)) await this.fetchConfig(uri);
        }));
    }

    statSync(uri: URI): FileSystemNode {
        const key = uri.toString();
        if (this.configs.has(key)) return { uri, isFile: true, isDirectory: false };
        if (this.folders.has(key)) return { uri, isFile: false, isDirectory: true };
        throw new Error(`${key}: not fetched from the editor (only folders and ${CONFIG_FILE_NAME} files are read ahead)`);
    }

    existsSync(uri: URI): boolean {
        const key = uri.toString();
        return this.configs.has(key) || this.folders.has(key);
    }

    readFileSync(uri: URI): string {
        const text = this.configs.get(uri.toString());
        if (text === undefined) throw new Error(`${uri.toString()}: not fetched from the editor (only ${CONFIG_FILE_NAME} files are read ahead)`);
        return text;
    }

    readBinarySync(uri: URI): Uint8Array {
        return new TextEncoder().encode(this.readFileSync(uri));
    }

    readDirectorySync(uri: URI): FileSystemNode[] {
        throw new Error(`${uri.toString()}: a folder of the editor's workspace cannot be listed synchronously`);
    }

    private async fetchConfig(uri: URI): Promise<void> {
        try {
            await this.readFile(uri);
        } catch (error) {
            this.connection.console.error(`cycle language server: ${(error as Error).message}; the rules keep their default severities there`);
        }
    }

    private async ask<T>(method: string, uri: URI): Promise<T> {
        const params: WorkspaceFileParams = { uri: uri.toString() };
        try {
            return await this.connection.sendRequest<T>(method, params);
        } catch (error) {
            throw new Error(`cannot read ${uri.toString()} from the editor: ${(error as Error).message ?? String(error)}`);
        }
    }
}

function isConfig(uri: URI): boolean {
    return UriUtils.basename(uri) === CONFIG_FILE_NAME;
}

function toNode(entry: WorkspaceEntry): FileSystemNode {
    return { uri: URI.parse(entry.uri), isFile: entry.isFile, isDirectory: entry.isDirectory };
}
