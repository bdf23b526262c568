import '../preludes/young-generation.js';
import '../preludes/node20-polyfill.cjs';
import { dropOutputAfterClosedPipe } from './closed-output.js';
import { main } from './main.js';

dropOutputAfterClosedPipe(process.stdout);
dropOutputAfterClosedPipe(process.stderr);

// Wait for standard output to drain before exiting, so piped JSON is never cut short.
main(process.argv.slice(2)).then(code => {
    // -1: a long-running command (the language server) that ends by itself.
    if (code >= 0) process.exitCode = code;
}, error => {
    process.stderr.write(`cycle: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 2;
});
