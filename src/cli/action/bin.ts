// The GitHub Action's entry point (action.yml runs dist/cli/action.mjs): bundled with
// the `cycle` command, sharing its chunks, so it runs exactly the CLI's checks.
import '../../preludes/young-generation.js';
import '../../preludes/node20-polyfill.cjs';
import { readInputs } from './inputs.js';
import { runAction } from './run-action.js';

async function start(): Promise<number> {
    let inputs;
    try {
        inputs = readInputs(process.env);
    } catch (error) {
        process.stdout.write(`::error::${(error as Error).message}\n`);
        return 2;
    }
    return runAction(inputs, { out: text => process.stdout.write(text) });
}

start().then(code => { process.exitCode = code; }, error => {
    process.stdout.write(`::error::internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
});
