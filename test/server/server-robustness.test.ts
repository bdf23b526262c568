import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspProcess } from './lsp-client.js';
import { PROJECT_ROOT } from '../cli/run-cli.js';

const bank = readFileSync(`${PROJECT_ROOT}/examples/bank-check-cashing.cycle`, 'utf8');
const uri = 'file:///robust/typed.cycle';
let server: LspProcess;

beforeAll(async () => {
    server = new LspProcess();
    await server.initialize(null);
});
afterAll(async () => server?.stop());

function within<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
    return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms))]);
}

describe('the server process never dies and never hangs', () => {
    it('answers every request while the bank example is typed in, a few characters at a time', async () => {
        await server.open(uri, '', 1);
        let version = 1;
        for (let length = 0; length <= bank.length; length += 3) {
            const text = bank.substring(0, length);
            await server.change(uri, text, ++version);
            const lines = text.split('\n');
            const end = { line: lines.length - 1, character: lines.at(-1)!.length };
            const middle = { line: Math.floor(lines.length / 2), character: 4 };
            await within(server.request('textDocument/completion', { textDocument: { uri }, position: end }), `completion at ${length}`);
            await within(server.request('textDocument/hover', { textDocument: { uri }, position: middle }), `hover at ${length}`);
            await within(server.request('textDocument/documentSymbol', { textDocument: { uri } }), `symbols at ${length}`);
            await within(server.request('textDocument/foldingRange', { textDocument: { uri } }), `folding at ${length}`);
        }
        const final = server.waitForDiagnostics(uri, d => d.some(x => x.code === 'critical-unmitigated'));
        await server.change(uri, bank, ++version);
        await within(final, 'diagnostics of the whole text');
        expect(server.exited).toBe(false);
        expect(server.errors.join('\n')).toBe('');
    }, 240_000);

    it('answers a 5,000-line broken document without dying', async () => {
        const broken = ['cycle c "x"', '  goal "g"', ...Array.from({ length: 5000 }, (_, i) => `  moment m${i} "x" "y" "z"`)].join('\n');
        const published = server.waitForDiagnostics('file:///robust/broken.cycle', d => d.length > 0);
        await server.open('file:///robust/broken.cycle', broken);
        const diagnostics = await within(published, 'diagnostics of a broken file');
        expect(diagnostics.length).toBeGreaterThan(100);
        await within(server.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///robust/broken.cycle' } }), 'symbols');
        expect(server.exited).toBe(false);
    }, 60_000);
});
