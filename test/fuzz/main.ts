/**
 * Long fuzzing runs: `npm run fuzz -- [--seed N] [--minutes M] [--property NAME] [--path P]`.
 * Rotates through the properties in time slices, each slice with its own seed
 * (printed), until the time is up; prints every failure as it is found (seed, path,
 * shrunk counterexample) and a summary at the end. Each kind of problem is reported
 * once; later slices look past it for new ones. Exit status 1 when anything failed.
 * With --path, replays that one failure of --property at --seed.
 */
import '../../src/preludes/node20-polyfill.cjs';
import { parseArgs } from 'node:util';
import { ALL_PROPERTIES } from './properties/all.js';
import { formatReport, printable, runProperty, signature, type PropertyReport } from './runner.js';
import { formatStats, stats } from './stats.js';

const { values } = parseArgs({
    options: { seed: { type: 'string' }, minutes: { type: 'string' }, property: { type: 'string' }, path: { type: 'string' } }
});
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const minutes = Number(values.minutes ?? 10);
if (!Number.isInteger(seed) || !(minutes > 0)) {
    console.error('cycle fuzz: --seed takes a whole number and --minutes a positive number, such as --seed 42 --minutes 10.');
    process.exit(2);
}
const entries = ALL_PROPERTIES.filter(e => values.property === undefined || e.property.name === values.property);
if (entries.length === 0) {
    console.error(`cycle fuzz: no property is named ${JSON.stringify(values.property)}; the properties are:\n${ALL_PROPERTIES.map(e => `  ${e.property.name}`).join('\n')}`);
    process.exit(2);
}

const failures: PropertyReport[] = [];
const known = new Set<string>();
const end = Date.now() + minutes * 60_000;
console.log(`fuzzing for ${minutes} min from seed ${seed}: ${entries.map(e => e.property.name).join('; ')}`);
if (values.path !== undefined) {
    const report = await runProperty(entries[0].property, { seed, numRuns: 1, timeLimitMs: minutes * 60_000, path: values.path });
    console.log(formatReport(report));
    if (report.failed) failures.push(report);
} else {
    // A slice long enough to shrink a failure well; every property gets at least one.
    const sliceMs = Math.max(60_000, (minutes * 60_000) / (entries.length * 2));
    for (let round = 0; Date.now() < end; round++) {
        for (const [index, { property }] of entries.entries()) {
            const remaining = end - Date.now();
            if (remaining <= 0) break;
            const sliceSeed = (seed + round * entries.length + index) % 2 ** 31;
            console.log(`\n[${new Date().toISOString()}] ${property.name}, seed ${sliceSeed}, for ${Math.round(Math.min(sliceMs, remaining) / 1000)} s`);
            const report = await runProperty(property, { seed: sliceSeed, numRuns: Number.MAX_SAFE_INTEGER, timeLimitMs: Math.min(sliceMs, remaining), known });
            console.log(formatReport(report));
            if (report.failed) {
                failures.push(report);
                // Reported once: the next slices hunt for other kinds of problem.
                for (const problem of report.problems) known.add(signature(problem));
            }
        }
    }
}
console.log(`\nsummary (seed ${seed}, ${minutes} min):\n${formatStats(stats)}\nfailures: ${failures.length}`);
for (const failure of failures) console.log(printable(`  - ${failure.name} (seed ${failure.seed}, path ${failure.path}): ${failure.problems[0]?.split('\n')[0]}`));
process.exit(failures.length > 0 ? 1 : 0);
