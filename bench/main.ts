import '../src/preludes/young-generation.js';
import { join } from 'node:path';
import { benchKeystrokes } from './keystroke.js';
import { benchPreview, benchPreviewEndToEnd } from './preview.js';
import { benchCheck } from './run.js';
import { benchStartup } from './startup.js';

/** Every benchmark, one after the other; each prints its own table. */
async function main(): Promise<void> {
    if (!process.argv.includes('--keystrokes-only')) {
        await benchCheck();
        await benchStartup(join(__dirname, '..'));
    }
    await benchKeystrokes();
    await benchPreview();
    await benchPreviewEndToEnd(join(__dirname, '..'));
}

main().catch(error => {
    console.error(error);
    process.exitCode = 1;
});
