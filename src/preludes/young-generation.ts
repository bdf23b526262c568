import { setFlagsFromString } from 'node:v8';

/**
 * Parsing allocates a whole syntax tree of short-lived objects: a larger young
 * generation means fewer scavenges. An earlier measurement found a quarter off
 * keystroke → diagnostics for 200 and 1,000 moments; a later A/B on the same machine
 * (8, 16, 32, 64 and 128 MB) found no difference beyond the noise, so this is kept as
 * harmless rather than as a proven gain. Imported first by every entry point (CLI,
 * server, bench) so the numbers describe what users run.
 */
setFlagsFromString('--max-semi-space-size=32');
