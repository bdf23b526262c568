import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError, type BaseLanguageClient } from 'vscode-languageclient';
import { bytesToBase64 } from '../../domain/base64-bytes.js';
import { CONFIG_FILE_NAME } from '../../language/config/rule-config.js';
import {
    WORKSPACE_READ_BYTES_REQUEST, WORKSPACE_READ_DIRECTORY_REQUEST, WORKSPACE_READ_FILE_REQUEST, WORKSPACE_STAT_REQUEST,
    type WorkspaceEntry, type WorkspaceFileBytes, type WorkspaceFileParams, type WorkspaceFileText, type WorkspaceStat
} from '../../protocol.js';
import { MAX_RESULTS_BYTES } from '../../results/csv-text.js';

/** LSP's "request failed": the server logs the message and carries on. */
const REQUEST_FAILED = LSPErrorCodes.RequestFailed;

/**
 * Answers the worker's questions about the workspace's files from VS Code's file
 * system (`vscode.workspace.fs`, which also serves github.dev's and vscode.dev's virtual
 * folders): list a folder, stat, read a `.cycle` or `cycle.config.json` file's text or
 * a survey's `.csv` results file's bytes. Only inside the workspace's folders, and no
 * other kind of file: the server needs no more.
 */
export function answerWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable[] {
    return [
        client.onRequest(WORKSPACE_READ_FILE_REQUEST, async (params: WorkspaceFileParams): Promise<WorkspaceFileText> => {
            const uri = workspaceUri(params);
            const name = uri.path.substring(uri.path.lastIndexOf('/') + 1);
            if (!name.endsWith('.cycle') && name !== CONFIG_FILE_NAME) throw new ResponseError(REQUEST_FAILED, `only .cycle and ${CONFIG_FILE_NAME} files are read, not ${name}`);
            const bytes = await failing(vscode.workspace.fs.readFile(uri));
            return { text: new TextDecoder().decode(bytes) };
        }),
        client.onRequest(WORKSPACE_READ_BYTES_REQUEST, async (params: WorkspaceFileParams): Promise<WorkspaceFileBytes> => {
            const uri = workspaceUri(params);
            const name = uri.path.substring(uri.path.lastIndexOf('/') + 1);
            if (!name.toLowerCase().endsWith('.csv')) throw new ResponseError(REQUEST_FAILED, `only .csv results files are read as bytes, not ${name}`);
            // A huge file is refused before it is read and sent as base64 a third larger.
            const { size } = await failing(vscode.workspace.fs.stat(uri));
            if (size > MAX_RESULTS_BYTES) throw new ResponseError(REQUEST_FAILED, tooLarge(size));
            return { base64: bytesToBase64(await failing(vscode.workspace.fs.readFile(uri))) };
        }),
        client.onRequest(WORKSPACE_READ_DIRECTORY_REQUEST, async (params: WorkspaceFileParams): Promise<WorkspaceEntry[]> => {
            const folder = workspaceUri(params);
            const entries = await failing(vscode.workspace.fs.readDirectory(folder));
            return entries.map(([name, type]) => ({ uri: vscode.Uri.joinPath(folder, name).toString(), ...kind(type) }));
        }),
        client.onRequest(WORKSPACE_STAT_REQUEST, async (params: WorkspaceFileParams): Promise<WorkspaceStat> => {
            const uri = workspaceUri(params);
            try {
                const stat = await vscode.workspace.fs.stat(uri);
                return { uri: uri.toString(), ...kind(stat.type) };
            } catch (error) {
                if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return null;
                throw new ResponseError(REQUEST_FAILED, messageOf(error));
            }
        })
    ];
}

/** The URI asked about, if it lies inside one of the workspace's folders. */
function workspaceUri(params: WorkspaceFileParams): vscode.Uri {
    let uri: vscode.Uri;
    try {
        uri = vscode.Uri.parse(String(params?.uri), true);
    } catch {
        throw new ResponseError(REQUEST_FAILED, `not a URI: ${String(params?.uri)}`);
    }
    if (!vscode.workspace.getWorkspaceFolder(uri)) throw new ResponseError(REQUEST_FAILED, `${uri.toString()} is outside the workspace's folders`);
    return uri;
}

function kind(type: vscode.FileType): { isFile: boolean; isDirectory: boolean } {
    return { isFile: (type & vscode.FileType.File) !== 0, isDirectory: (type & vscode.FileType.Directory) !== 0 };
}

/** VS Code's file system errors, as a response error with their message. */
async function failing<T>(operation: Thenable<T>): Promise<T> {
    try {
        return await operation;
    } catch (error) {
        throw new ResponseError(REQUEST_FAILED, messageOf(error));
    }
}

/** The same sizes as the results reader's own message ("50.0 MB", 10⁶ bytes). */
function tooLarge(size: number): string {
    const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
    return `it is ${megabytes(size)}, larger than the ${megabytes(MAX_RESULTS_BYTES)} a results file may be`;
}

function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
