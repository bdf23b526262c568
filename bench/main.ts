import { benchCheck } from './run.js';

/** Every benchmark, one after the other; each prints its own table. */
async function main(): Promise<void> {
    await benchCheck();
}

main().catch(error => {
    console.error(error);
    process.exitCode = 1;
});
