import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRoomOrder } from './room-order.js';

/*
 * The rooms below the faces never need Node (docs/architecture.md, "Where Node lives"):
 * the same core runs in the CLI, the Node server and a browser. Bundled together for
 * the browser, as a web worker or page would bundle them, with no Node polyfill (esbuild
 * adds none), they must resolve without a single Node built-in, and `analyse()` from
 * that bundle must check a cycle. A `langium/node` or `fs` reached through any package
 * fails here, which the import rules (rooms.test.ts, direct imports only) cannot see.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const order = readRoomOrder(readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8'));

/** Every source file of the rooms that must stay free of Node, as paths relative to the repository. */
function nodeFreeFiles(): string[] {
    const files: string[] = [];
    for (const room of order.nodeFree) {
        if (room.endsWith('.ts')) {
            files.push(`src/${room}`);
            continue;
        }
        for (const entry of readdirSync(join(ROOT, 'src', room), { recursive: true, withFileTypes: true })) {
            if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
                files.push(relative(ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'));
            }
        }
    }
    return files.sort();
}

/** `require("fs")`, `from "node:fs"`, `import("node:fs")`: a Node module the bundle would still ask for. */
function nodeRemnants(code: string): string[] {
    const builtins = new Set(builtinModules);
    const found = new Set<string>();
    // A bare `require(…)` or esbuild's `__require(…)` shim; `module.require(…)` behind a
    // feature test (lodash-es probing for Node) is not a call the bundle makes in a browser.
    for (const call of code.matchAll(/(?<![\w$.])(?:__require|require)\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) {
        if (builtins.has(call[1]) || call[1].startsWith('node:')) found.add(call[0]);
    }
    for (const use of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'`](node:[^"'`]+)["'`]/g)) found.add(use[0]);
    return [...found];
}

const SMALL_CYCLE = [
    'cycle coffee "Buying a coffee to go"',
    '  goal "A hot coffee in hand"',
    '  moment order "Orders at the counter"',
    '    critical',
    '      risk "The queue is so long the customer leaves"',
    '  moment collect "Collects the coffee"',
    '    achieves goal',
    ''
].join('\n');

describe('the rooms below the faces bundle for a browser', () => {
    let outcome: esbuild.BuildResult<{ write: false }> | esbuild.BuildFailure;
    let code = '';
    let folder: string;
    beforeAll(async () => {
        // One entry that imports every file of those rooms and exposes analyse().
        const entry = [
            `export { analyse } from './src/model/analyse.ts';`,
            `export { URI } from 'langium';`,
            ...nodeFreeFiles().map(file => `import './${file}';`)
        ].join('\n');
        outcome = await esbuild.build({
            stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'browser-core.ts', loader: 'ts' },
            bundle: true,
            platform: 'browser',
            format: 'esm',
            target: 'es2022',
            write: false,
            logLevel: 'silent'
        }).catch((failure: esbuild.BuildFailure) => failure);
        code = 'outputFiles' in outcome ? outcome.outputFiles[0].text : '';
        folder = mkdtempSync(join(tmpdir(), 'cycle-browser-core-'));
    });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('resolves every import without Node (esbuild, platform browser)', () => {
        expect(outcome.errors.map(error => `${error.location?.file ?? ''}:${error.location?.line ?? ''} ${error.text}`)).toEqual([]);
        expect(code.length).toBeGreaterThan(0);
    });

    it('leaves no call for a Node module in the bundle', () => {
        expect(nodeRemnants(code)).toEqual([]);
    });

    it('analyses a cycle with the bundled analyse()', () => {
        // In a plain Node process, which loads the bundle in a tenth of the time the test
        // runner's transform takes. Its one prelude adds `Object.groupBy`, a built-in of
        // every current browser that Node 20 lacks; nothing of Node's own modules.
        writeFileSync(join(folder, 'browser-core.mjs'), code);
        writeFileSync(join(folder, 'run.mjs'), [
            `import { analyse, URI } from './browser-core.mjs';`,
            `const analysis = await analyse([{ uri: URI.parse('memory:///coffee.cycle'), text: ${JSON.stringify(SMALL_CYCLE)} }]);`,
            `const [text] = analysis.texts;`,
            `console.log(JSON.stringify({`,
            `    cycles: text.model.cycles.map(cycle => [cycle.id, cycle.moments.map(moment => moment.id)]),`,
            `    codes: text.diagnostics.map(diagnostic => diagnostic.code)`,
            `}));`
        ].join('\n'));
        const result = JSON.parse(execFileSync(process.execPath, ['--require', join(ROOT, 'src/preludes/node20-polyfill.cjs'), join(folder, 'run.mjs')], { encoding: 'utf8' })) as { cycles: unknown; codes: string[] };
        expect(result.cycles).toEqual([['coffee', ['order', 'collect']]]);
        expect(result.codes).toContain('critical-unmitigated');
    });
});

describe('what the browser bundle check catches', () => {
    it('fails a core that reaches a Node file system through a package (langium/node)', async () => {
        const failure = await esbuild.build({
            stdin: { contents: `export { NodeFileSystem } from 'langium/node';`, resolveDir: ROOT, sourcefile: 'bad-core.ts', loader: 'ts' },
            bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent'
        }).then(() => undefined, (error: esbuild.BuildFailure) => error);
        expect(failure?.errors.map(error => error.text)).toEqual(expect.arrayContaining([expect.stringMatching(/Could not resolve "(node:)?fs"/)]));
    });

    it('finds a Node module the bundle still asks for, and not a guarded probe', () => {
        expect(nodeRemnants('var fs = require("fs"); const p = __require("node:path"); import("node:os"); import x from "node:url";'))
            .toEqual(['require("fs")', '__require("node:path")', 'import("node:os"', 'from "node:url"']);
        expect(nodeRemnants('var t = freeModule.require("util").types; var d = require("./local.js");')).toEqual([]);
    });
});
