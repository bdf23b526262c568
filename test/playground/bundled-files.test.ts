import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URI, UriUtils } from 'langium';
import { describe, expect, it } from 'vitest';
import { BundledFileTree, NOT_BUNDLED } from '../../src/playground/bundled-files.js';
import { workerTransport } from '../../src/playground/worker-transport.js';
import { WORKSPACE_READ_BYTES_REQUEST, WORKSPACE_READ_DIRECTORY_REQUEST, WORKSPACE_READ_FILE_REQUEST, WORKSPACE_STAT_REQUEST } from '../../src/protocol.js';
import { PROJECT_ROOT } from '../cli/run-cli.js';

const Q1 = readFileSync(join(PROJECT_ROOT, 'examples/bank-waves/2026-q1.csv'), 'utf8');
const tree = new BundledFileTree([{ path: 'bank-waves/2026-q1.csv', text: Q1 }, { path: 'my folder/a b.csv', text: 'x' }]);
/** Where the server looks for a `results` path written in file:///playground.cycle (as ResultsFiles.uriOf does). */
const uriOf = (path: string) => UriUtils.resolvePath(UriUtils.dirname(URI.parse('file:///playground.cycle')), path).toString();

describe('the playground\'s bundled files', () => {
    it('serves a bundled file where the bank example\'s results line points', () => {
        expect(uriOf('bank-waves/2026-q1.csv')).toBe('file:///bank-waves/2026-q1.csv');
        expect(tree.readFile(uriOf('bank-waves/2026-q1.csv')).text).toBe(Q1);
        expect(tree.stat(uriOf('bank-waves/2026-q1.csv'))).toEqual({ uri: 'file:///bank-waves/2026-q1.csv', isFile: true, isDirectory: false });
    });

    it('finds a name the server writes percent-encoded', () => {
        expect(uriOf('my folder/a b.csv')).toBe('file:///my%20folder/a%20b.csv');
        expect(tree.readFile(uriOf('my folder/a b.csv')).text).toBe('x');
    });

    it('lists the folders its paths imply, from the root down', () => {
        expect(tree.readDirectory('file:///')).toEqual([
            { uri: 'file:///bank-waves', isFile: false, isDirectory: true },
            { uri: 'file:///my%20folder', isFile: false, isDirectory: true }
        ]);
        expect(tree.readDirectory('file:///bank-waves/').map(e => e.uri)).toEqual(['file:///bank-waves/2026-q1.csv']);
        expect(tree.stat('file:///bank-waves')?.isDirectory).toBe(true);
    });

    it('says a file it does not carry is not bundled, and knows nothing outside file:///', () => {
        expect(() => tree.readFile(uriOf('my-answers.csv'))).toThrow(NOT_BUNDLED);
        expect(() => tree.readFile('vscode-vfs://github/bank-waves/2026-q1.csv')).toThrow(NOT_BUNDLED);
        expect(tree.stat(uriOf('my-answers.csv'))).toBeNull();
        expect(() => tree.readDirectory('file:///nowhere')).toThrow(/not a folder/);
        // '..' is not resolved: it is a name, and no file or folder has it.
        expect(() => tree.readDirectory('file:///bank-waves/..')).toThrow(/not a folder/);
    });

    it('answers only the workspace requests, as results or failures', () => {
        expect(tree.answer(WORKSPACE_READ_FILE_REQUEST, { uri: 'file:///bank-waves/2026-q1.csv' })).toEqual({ result: { text: Q1 } });
        expect(tree.answer(WORKSPACE_STAT_REQUEST, { uri: 'file:///nope.csv' })).toEqual({ result: null });
        expect(tree.answer(WORKSPACE_READ_DIRECTORY_REQUEST, { uri: 'file:///nope' })).toEqual({ error: expect.stringMatching(/not a folder/) });
        expect(tree.answer(WORKSPACE_READ_FILE_REQUEST, { uri: 'file:///nope.csv' })).toEqual({ error: NOT_BUNDLED });
        expect(tree.answer('workspace/configuration', { items: [] })).toBeUndefined();
    });

    it('answers the server\'s request for a results file\'s bytes with the bundled text in UTF-8', () => {
        // The server reads results files as bytes (it checks their encoding itself).
        const answer = tree.answer(WORKSPACE_READ_BYTES_REQUEST, { uri: 'file:///bank-waves/2026-q1.csv' });
        expect(answer).toEqual({ result: { base64: Buffer.from(Q1, 'utf8').toString('base64') } });
        expect(tree.answer(WORKSPACE_READ_BYTES_REQUEST, { uri: 'file:///nope.csv' })).toEqual({ error: NOT_BUNDLED });
    });
});

/** A worker's two ends: what the page posted to it, and a way to make it send a message. */
function fakeWorker(): { worker: Worker; posted: unknown[]; send(data: unknown): void } {
    const target = new EventTarget();
    const posted: unknown[] = [];
    const worker = Object.assign(target, { postMessage: (data: unknown) => posted.push(data) }) as unknown as Worker;
    return { worker, posted, send: data => target.dispatchEvent(new MessageEvent('message', { data })) };
}

describe('the worker transport with bundled files', () => {
    it('declares the folder file:/// when it initializes, and answers the server\'s file requests itself', () => {
        const { worker, posted, send } = fakeWorker();
        const seen: string[] = [];
        const transport = workerTransport(worker, tree);
        transport.subscribe(text => seen.push(text));
        transport.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { rootUri: 'file:///', capabilities: {} } }));
        expect(posted[0]).toMatchObject({ method: 'initialize', params: { rootUri: 'file:///', workspaceFolders: [{ uri: 'file:///', name: 'playground' }] } });
        send({ jsonrpc: '2.0', id: 7, method: WORKSPACE_READ_FILE_REQUEST, params: { uri: 'file:///bank-waves/2026-q1.csv' } });
        send({ jsonrpc: '2.0', id: 8, method: WORKSPACE_READ_FILE_REQUEST, params: { uri: 'file:///mine.csv' } });
        expect(posted[1]).toEqual({ jsonrpc: '2.0', id: 7, result: { text: Q1 } });
        expect(posted[2]).toEqual({ jsonrpc: '2.0', id: 8, error: { code: -32803, message: NOT_BUNDLED } });
        // Everything else still reaches the editor's client: notifications, other requests, responses.
        send({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///playground.cycle', diagnostics: [] } });
        send({ jsonrpc: '2.0', id: 9, method: 'client/registerCapability', params: {} });
        send({ jsonrpc: '2.0', id: 1, result: { capabilities: {} } });
        expect(seen.map(text => JSON.parse(text).method ?? 'response')).toEqual(['textDocument/publishDiagnostics', 'client/registerCapability', 'response']);
    });

    it('without bundled files declares no folder and passes every request to the client', () => {
        const { worker, posted, send } = fakeWorker();
        const seen: string[] = [];
        const transport = workerTransport(worker, new BundledFileTree([]));
        transport.subscribe(text => seen.push(text));
        transport.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { capabilities: {} } }));
        expect((posted[0] as { params: object }).params).not.toHaveProperty('workspaceFolders');
        send({ jsonrpc: '2.0', id: 7, method: WORKSPACE_READ_FILE_REQUEST, params: { uri: 'file:///bank-waves/2026-q1.csv' } });
        expect(posted).toHaveLength(1);
        expect(seen).toHaveLength(1);
    });
});
