import { describe, expect, it } from 'vitest';
import { checkCommandLine } from '../fuzz/properties/cli-arguments.js';

/**
 * The fuzzer's property for any command line (test/fuzz/properties/cli-arguments.ts),
 * held on `cycle survey` with the odd paths of its workspace: a FIFO, a folder, a
 * symbolic-link loop, /dev/null, an empty path, `-o` onto an input. Each must exit 0,
 * 1 or 2 with no crash, and change no file but the `-o` it was given.
 */
const LINES: string[][] = [
    ['survey', 'form', 'good.cycle', '-o', 'good.cycle'],
    ['survey', 'form', 'link.cycle', '-o', 'good.cycle'],
    ['survey', 'form', 'good.cycle', '-o', 'fifo.cycle'],
    ['survey', 'form', 'good.cycle', '-o', 'folder.cycle'],
    ['survey', 'form', 'good.cycle', '-o', 'missing/form.html'],
    ['survey', 'form', 'good.cycle', '-o', 'form.html'],
    ['survey', 'form', 'fifo.cycle', '--format', 'csv'],
    ['survey', 'form', 'loop.cycle', '--format', 'json'],
    ['survey', 'form', 'broken.cycle', '--format', 'html'],
    ['survey', 'form', '', '--format', 'html'],
    ['survey', 'analyse', 'good.cycle'],
    ['survey', 'analyse', 'good.cycle', '--results', 'fifo.cycle'],
    ['survey', 'analyse', 'good.cycle', '--results', 'loop.cycle', '--format', 'json'],
    ['survey', 'analyse', 'good.cycle', '--results', '/dev/null', '--format', 'markdown'],
    ['survey', 'analyse', 'good.cycle', '--results', 'notes.txt', 'good.cycle'],
    ['survey', 'analyse', 'folder.cycle', '--results', 'sub'],
    ['survey', 'analyse', '/dev/null']
];

describe('cycle survey with odd paths (the fuzzer\'s property)', () => {
    for (const args of LINES) {
        it(`cycle ${args.map(a => JSON.stringify(a)).join(' ')}`, async () => {
            expect(await checkCommandLine(args)).toEqual([]);
        }, 30_000);
    }
});
