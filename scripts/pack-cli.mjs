// `npm run pack:cli`: the `cycle` command as an npm package of its own,
// dist/service-cycles-VERSION.tgz, which `npm install ./service-cycles-VERSION.tgz`
// installs into any folder. The repository's own package.json is the VS Code
// extension and the development setup (private, every build tool); this one holds
// the bundles that are already built (bin/cycle.cjs, dist/cli/, dist/server.cjs for
// `cycle lsp`, dist/web/ for `cycle playground`) and depends only on what the bundles
// load from node_modules at run time: resvg (native, for PNG) and the DejaVu fonts.
// It packs what dist/ holds now: `npm run pack:cli` builds for production first.
//   node scripts/pack-cli.mjs [--out DIR]   prints the path of the .tgz
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(ROOT, 'dist');
const stage = join(out, 'cli-package');

const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
for (const needed of ['dist/cli/cli.mjs', 'dist/server.cjs', 'dist/web/index.html']) {
    if (!existsSync(join(ROOT, needed))) {
        console.error(`pack-cli: ${needed} is missing: run \`npm run build\` first.`);
        process.exit(2);
    }
}

/** The packages the bundles leave out (esbuild `external`, or found by require.resolve). */
const RUNTIME = ['@resvg/resvg-js', 'dejavu-fonts-ttf'];

rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, 'bin'), { recursive: true });
cpSync(join(ROOT, 'bin', 'cycle.cjs'), join(stage, 'bin', 'cycle.cjs'));
// No source maps: they would double the package and point at sources it does not hold.
const noMaps = source => !source.endsWith('.map');
cpSync(join(ROOT, 'dist', 'cli'), join(stage, 'dist', 'cli'), { recursive: true, filter: noMaps });
cpSync(join(ROOT, 'dist', 'server.cjs'), join(stage, 'dist', 'server.cjs'));
cpSync(join(ROOT, 'dist', 'web'), join(stage, 'dist', 'web'), { recursive: true, filter: noMaps });
cpSync(join(ROOT, 'LICENSE'), join(stage, 'LICENSE'));
cpSync(join(ROOT, 'packages', 'cli', 'README.md'), join(stage, 'README.md'));

const manifest = {
    name: root.name,
    version: root.version,
    description: 'The `cycle` command: check, format, draw, compare and report customer service cycles, and a language server for any editor (cycle lsp).',
    license: root.license,
    repository: root.repository,
    homepage: root.homepage,
    bugs: root.bugs,
    keywords: root.keywords,
    bin: { cycle: 'bin/cycle.cjs' },
    files: ['bin/', 'dist/'],
    engines: { node: root.engines.node },
    dependencies: Object.fromEntries(RUNTIME.map(name => [name, root.dependencies[name]]))
};
writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

mkdirSync(out, { recursive: true });
for (const old of readdirSync(out).filter(f => /^service-cycles-.*\.tgz$/.test(f))) rmSync(join(out, old));
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
rmSync(stage, { recursive: true, force: true });
console.log(join(out, packed.filename));
console.error(`pack-cli: ${packed.filename}: ${(packed.size / 1024 / 1024).toFixed(1)} MB packed, ${(packed.unpackedSize / 1024 / 1024).toFixed(1)} MB unpacked, ${packed.entryCount} files`);
