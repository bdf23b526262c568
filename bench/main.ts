import '../src/preludes/young-generation.js';
import { join } from 'node:path';
import { benchKeystrokes } from './keystroke.js';
import { benchPng } from './png.js';
import { benchPreview, benchPreviewEndToEnd } from './preview.js';
import { benchCheck } from './run.js';

/** Every benchmark, one after the other; each prints its own table. */
async function main(): Promise<void> {
    if (process.argv.includes('--png-only')) return benchPng(join(__dirname, '..'));
    if (!process.argv.includes('--keystrokes-only')) await benchCheck();
    await benchKeystrokes();
    await benchPreview();
    benchPng(join(__dirname, '..'));
    await benchPreviewEndToEnd(join(__dirname, '..'));
}

main().catch(error => {
    console.error(error);
    process.exitCode = 1;
});
