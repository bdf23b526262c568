#!/usr/bin/env node
// The `cycle` command. The code lives in dist/cli/, built by `npm run build`: ES
// modules split by command, so that each command loads only what it runs.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const nodeModule = require('node:module');

// Node 22.1+ can keep the compiled code on disk between runs; an older Node starts without.
if (typeof nodeModule.enableCompileCache === 'function') nodeModule.enableCompileCache();

import('../dist/cli/cli.mjs').catch(error => {
    if (!existsSync(join(__dirname, '..', 'dist', 'cli', 'cli.mjs'))) {
        process.stderr.write('cycle: not built yet; run `npm run build` (npm ci does it for you).\n');
        process.exit(2);
    }
    throw error;
});
