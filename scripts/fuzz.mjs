// `npm run fuzz -- --seed N --minutes M`: long fuzzing runs of the properties in
// test/fuzz (the bounded run is part of `npm test`). The harness is TypeScript, run
// through tsx; the server and CLI it fuzzes are the bundles `npm run build` made.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('dist/server.cjs') || !existsSync('dist/cli/cli.mjs')) {
    console.error('cycle fuzz: not built yet; run `npm run build` first.');
    process.exit(2);
}
const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/fuzz/main.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 2);
