import { afterAll, describe, expect, it } from 'vitest';
import { KNOWN_COUNTEREXAMPLES } from './known-counterexamples.js';
import { ALL_PROPERTIES, FIXED_SEED } from './properties/all.js';
import { formatReport, printable, runProperty } from './runner.js';
import { formatStats, stats } from './stats.js';

/**
 * Issue 10 (trust): the fuzzing harness, bounded (a fixed seed and a fixed number
 * of inputs per property, about a minute in all) so that `npm test` is repeatable.
 * `npm run fuzz -- --seed N --minutes M` runs the same properties for longer.
 * A failure prints the seed, the path and the shrunk counterexample to replay it.
 */
describe('issue 10: fuzzing', () => {
    afterAll(() => {
        console.log(`fuzzing summary (seed ${FIXED_SEED}):\n${formatStats(stats)}`);
    });

    for (const { property, numRuns, timeLimitMs } of ALL_PROPERTIES) {
        it(`issue 10 fuzz: ${property.name}`, async () => {
            const report = await runProperty(property, { seed: FIXED_SEED, numRuns, timeLimitMs });
            console.log(formatReport(report));
            expect(report.failed, formatReport(report)).toBe(false);
        }, timeLimitMs + 60_000);
    }
});

describe('issue 10: counterexamples the fuzzer found, kept', () => {
    for (const { name, property, input } of KNOWN_COUNTEREXAMPLES) {
        it(`issue 10 fuzz (${property.name}): ${name}`, async () => {
            const problems = await property.check(input);
            expect(problems, printable(`${property.show?.(input) ?? JSON.stringify(input)}\n${problems.join('\n')}`)).toEqual([]);
        }, 60_000);
    }
});
