/**
 * Every property of the harness, with the share of a bounded run each gets: the
 * number of inputs `npm test` tries (fixed, so CI is repeatable) and the time after
 * which it stops trying or shrinking (only reached on a loaded machine or a failure).
 */
import type { FuzzProperty } from '../runner.js';
import { cliArguments } from './cli-arguments.js';
import { fmtRoundTrip } from './fmt-round-trip.js';
import { hostileOutputs } from './hostile-outputs.js';
import { serverEdits } from './server-edits.js';

export interface PropertyEntry {
    property: FuzzProperty<any>; // each property has its own input type
    numRuns: number;
    timeLimitMs: number;
}

export const ALL_PROPERTIES: readonly PropertyEntry[] = [
    { property: serverEdits, numRuns: 6, timeLimitMs: 25_000 },
    { property: fmtRoundTrip, numRuns: 40, timeLimitMs: 10_000 },
    { property: hostileOutputs, numRuns: 12, timeLimitMs: 10_000 },
    { property: cliArguments, numRuns: 10, timeLimitMs: 20_000 }
];

/** The seed of `npm test`: any fixed number; changing it changes which inputs CI tries. */
export const FIXED_SEED = 20_251_010;
