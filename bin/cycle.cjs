#!/usr/bin/env node
// The `cycle` command. The code lives in the bundle built by `npm run build`.
try {
    require('../dist/cli.cjs');
} catch (error) {
    if (error && error.code === 'MODULE_NOT_FOUND' && /dist[\\/]cli\.cjs/.test(error.message)) {
        process.stderr.write('cycle: not built yet; run `npm run build` (npm ci does it for you).\n');
        process.exit(2);
    }
    throw error;
}
