// `npm run build:web`: the playground as a static site in dist/web/ — index.html and
// assets/ (the page's script and styles, the language server's worker), relative URLs
// only, minified, so any static hosting (GitHub Pages) serves it as it is. The normal
// build (scripts/build.mjs) calls buildWeb() too, so `cycle playground` works after
// `npm ci`. Every examples/*.cycle is embedded in the page's script, with the survey
// results files their `results` lines point at.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const OUT = 'dist/web';

/** Every examples/*.cycle as [{ name, text }], sorted by name: the page's BUNDLED_EXAMPLES. */
function bundledExamples() {
    const names = readdirSync('examples').filter(name => name.endsWith('.cycle')).sort();
    return JSON.stringify(names.map(name => ({ name, text: readFileSync(`examples/${name}`, 'utf8') })));
}

/**
 * The results files the examples' `results` lines point at, as [{ path, text }]
 * (paths relative to examples/, as the playground's folder file:/// holds them), sorted
 * by path: the page's BUNDLED_FILES. Only `.csv` files inside examples/; a line
 * pointing elsewhere, or at nothing, is left for the checker to report.
 */
function bundledFiles() {
    const paths = new Set();
    for (const name of readdirSync('examples').filter(n => n.endsWith('.cycle'))) {
        for (const [, written] of readFileSync(`examples/${name}`, 'utf8').matchAll(/^[ \t]*results[ \t]+"([^"\r\n]+)"/gm)) {
            const path = posix.normalize(written);
            if (path.startsWith('../') || posix.isAbsolute(path) || !path.endsWith('.csv')) continue;
            if (existsSync(`examples/${path}`) && statSync(`examples/${path}`).isFile()) paths.add(path);
        }
    }
    return JSON.stringify([...paths].sort().map(path => ({ path, text: readFileSync(`examples/${path}`, 'utf8') })));
}

/** The example the playground opens with (src/playground/main.ts says the same). */
const DEFAULT_EXAMPLE = 'bank-check-cashing.cycle';
/** The document the playground opens its text as (src/playground/main.ts). */
const DOCUMENT_URI = 'file:///playground.cycle';

/**
 * The preview model of the example the page opens with, as the language server would
 * send it (scripts/first-model.ts, run here in Node): the page draws it at once, before
 * its worker has started, and the worker's own model replaces it.
 */
async function firstModelOfDefaultExample() {
    const dir = mkdtempSync(join(tmpdir(), 'cycle-first-model-'));
    try {
        const bundle = join(dir, 'first-model.cjs');
        await esbuild.build({ entryPoints: ['scripts/first-model.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: bundle, logLevel: 'warning' });
        const { firstModel } = createRequire(import.meta.url)(bundle);
        return JSON.stringify(await firstModel(DOCUMENT_URI, readFileSync(`examples/${DEFAULT_EXAMPLE}`, 'utf8')));
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

export async function buildWeb() {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(`${OUT}/assets`, { recursive: true });
    copyFileSync('src/playground/index.html', `${OUT}/index.html`);
    copyFileSync('media/cycle-file.svg', `${OUT}/assets/icon.svg`);
    for (const css of ['playground.css', 'editor.css']) copyFileSync(`src/playground/${css}`, `${OUT}/assets/${css}`);
    const common = { bundle: true, platform: 'browser', target: 'es2022', minify: true, legalComments: 'none', logLevel: 'warning', sourcemap: false };
    await Promise.all([
        esbuild.build({ ...common, format: 'esm', entryPoints: ['src/playground/main.ts'], outfile: `${OUT}/assets/playground.js`, define: { BUNDLED_EXAMPLES: bundledExamples(), BUNDLED_FILES: bundledFiles(), FIRST_MODEL: await firstModelOfDefaultExample() } }),
        esbuild.build({ ...common, format: 'iife', entryPoints: ['src/playground/start-worker.ts'], outfile: `${OUT}/assets/start-worker.js` }),
        // The language server, as for VS Code for the Web (server/main-browser.ts), minified.
        esbuild.build({ ...common, format: 'iife', entryPoints: ['src/server/main-browser.ts'], outfile: `${OUT}/assets/server-worker.js` })
    ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildWeb();
