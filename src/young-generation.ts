import { setFlagsFromString } from 'node:v8';

/**
 * Parsing allocates a whole syntax tree of short-lived objects: a larger young
 * generation means fewer scavenges and less promotion to the old generation.
 * Measured with `npm run bench` (10,000 moments: a third off the full check; a
 * quarter off keystroke → diagnostics for 200 and 1,000 moments). Imported first by
 * every entry point (CLI, server, bench) so the numbers describe what users run.
 */
setFlagsFromString('--max-semi-space-size=32');
