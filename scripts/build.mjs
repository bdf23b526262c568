// Builds everything that is not committed: the Langium parser sources generated
// from the grammar, then the bundles (one file each, no node_modules needed).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { buildWeb } from './build-web.mjs';

const production = process.argv.includes('--production');
const skipGenerate = process.argv.includes('--no-generate');

if (!skipGenerate) {
    const langium = 'node_modules/langium-cli/bin/langium.js';
    execFileSync(process.execPath, ['-r', './src/preludes/node20-polyfill.cjs', langium, 'generate'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    legalComments: 'none'
};

const withBench = process.argv.includes('--bench');

/**
 * What a CommonJS module sees and an ES module does not, for the bundled packages
 * written as CommonJS (their `require` of Node's modules) and for `__filename`.
 */
const NODE_MODULE_GLOBALS = [
    "import { createRequire as __cycleCreateRequire } from 'node:module';",
    "import { fileURLToPath as __cycleFileURLToPath } from 'node:url';",
    "import { dirname as __cycleDirname } from 'node:path';",
    'const require = __cycleCreateRequire(import.meta.url);',
    'const __filename = __cycleFileURLToPath(import.meta.url);',
    'const __dirname = __cycleDirname(__filename);'
].join(' ');

// The CLI's chunks are named by their content: the old ones go, and so does the
// single-file bundle it once was (bin/cycle.cjs no longer runs it).
rmSync('dist/cli', { recursive: true, force: true });
rmSync('dist/cli.cjs', { force: true });
rmSync('dist/cli.cjs.map', { force: true });
mkdirSync('dist/webview', { recursive: true });
if (production) {
    // A production build (the .vsix) carries no source maps, not even stale ones.
    for (const file of readdirSync('dist', { recursive: true })) {
        if (String(file).endsWith('.map')) rmSync(`dist/${file}`);
    }
}
copyFileSync('src/webview/preview.css', 'dist/webview/preview.css');
copyFileSync('src/webview/compare.css', 'dist/webview/compare.css');
// The fonts the CLI's PDFs and PNGs embed, beside its bundle: the .vsix carries no
// node_modules, and the extension's Export Report runs this bundled CLI.
mkdirSync('dist/fonts', { recursive: true });
for (const face of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf']) {
    copyFileSync(`node_modules/dejavu-fonts-ttf/ttf/${face}`, `dist/fonts/${face}`);
}

await Promise.all([
    // The CLI as ES modules split at its dynamic imports (one per command), so a command
    // loads only the code it runs: `cycle --version` no language, `cycle render` no SARIF.
    // resvg is a native module: loaded from node_modules at run time, never bundled.
    // The GitHub Action's entry point (action.yml) is a second entry of the same build.
    esbuild.build({
        ...common, format: 'esm', splitting: true, entryPoints: { cli: 'src/cli/bin.ts', action: 'src/cli/action/bin.ts' }, outdir: 'dist/cli',
        outExtension: { '.js': '.mjs' }, chunkNames: '[name]-[hash]', banner: { js: NODE_MODULE_GLOBALS }, external: ['@resvg/resvg-js']
    }),
    esbuild.build({ ...common, entryPoints: ['src/server/main.ts'], outfile: 'dist/server.cjs' }),
    // The same server for a browser's Web Worker (VS Code for the Web, the playground).
    esbuild.build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['src/server/main-browser.ts'], outfile: 'dist/browser/server-worker.js' }),
    // VS Code runs extensions on its own Node: the client needs no polyfill, `vscode` is provided.
    esbuild.build({ ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.cjs', external: ['vscode'] }),
    // The same extension for VS Code for the Web: its extension host is a browser worker
    // (no Node), and it starts the server worker above.
    esbuild.build({ ...common, platform: 'browser', target: 'es2022', entryPoints: ['src/extension/main-browser.ts'], outfile: 'dist/browser/extension.js', external: ['vscode'] }),
    // The preview page: the diagram code for the browser, strict CSP (no eval, no inline code).
    esbuild.build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['src/webview/preview.ts'], outfile: 'dist/webview/preview.js' }),
    // The playground, a static site (dist/web/): `cycle playground` serves it.
    buildWeb(),
    withBench && esbuild.build({ ...common, entryPoints: ['bench/main.ts'], outfile: 'dist/bench.cjs', external: ['playwright-core'] })
]);
