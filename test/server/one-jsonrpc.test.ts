import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../cli/run-cli.js';

/**
 * Two copies of vscode-jsonrpc in one bundle break `instanceof ResponseError`: an
 * error made by one copy (Langium's "request cancelled") is sent by the other as a
 * plain result. Bundles each entry as scripts/build.mjs does and lists the copies of
 * the JSON-RPC packages esbuild took in.
 */
const ENTRIES: readonly { entry: string; platform: 'node' | 'browser' }[] = [
    { entry: 'src/server/main.ts', platform: 'node' }, { entry: 'src/cli/bin.ts', platform: 'node' }, { entry: 'src/extension/main.ts', platform: 'node' },
    // VS Code for the Web: the extension and its server worker.
    { entry: 'src/extension/main-browser.ts', platform: 'browser' }, { entry: 'src/server/main-browser.ts', platform: 'browser' }
];
const PACKAGES = ['vscode-jsonrpc', 'vscode-languageserver-protocol', 'vscode-languageserver-types'];

async function bundledCopies(entry: string, platform: 'node' | 'browser'): Promise<Map<string, string[]>> {
    const result = await esbuild.build({
        absWorkingDir: PROJECT_ROOT, entryPoints: [entry], bundle: true, platform, format: 'cjs', target: platform === 'node' ? 'node20' : 'es2022',
        write: false, outfile: 'out.cjs', metafile: true, logLevel: 'silent', external: ['vscode', '@resvg/resvg-js']
    });
    const copies = new Map<string, string[]>(PACKAGES.map(name => [name, []]));
    for (const input of Object.keys(result.metafile.inputs)) {
        for (const name of PACKAGES) {
            const root = new RegExp(`^(.*node_modules/${name})/`).exec(input.split('\\').join('/'))?.[1];
            const found = copies.get(name)!;
            if (root && !found.includes(root)) found.push(root);
        }
    }
    return copies;
}

const version = (root: string): string => (JSON.parse(readFileSync(join(PROJECT_ROOT, root, 'package.json'), 'utf8')) as { version: string }).version;

describe('issue 10 item 2: one JSON-RPC implementation per bundle', () => {
    for (const { entry, platform } of ENTRIES) {
        it(`issue 10 item 2: ${entry} bundles one copy of vscode-jsonrpc and of the protocol`, async () => {
            const copies = await bundledCopies(entry, platform);
            // All of them speak JSON-RPC (the CLI has `cycle lsp`): the check cannot pass by finding nothing.
            expect(copies.get('vscode-jsonrpc')!.length).toBeGreaterThan(0);
            for (const [name, roots] of copies) {
                const found = roots.map(root => `${root}@${version(root)}`);
                expect(found.length <= 1, `${name} is bundled ${found.length} times: ${found.join(', ')}`).toBe(true);
            }
        }, 60_000);
    }
});
