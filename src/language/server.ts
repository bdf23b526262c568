import { setFlagsFromString } from 'node:v8';
// Every keystroke re-parses the document and allocates a new syntax tree: a larger
// young generation means fewer scavenges per keystroke (measured with npm run bench:
// about a quarter off keystroke → diagnostics for 200 and 1,000 moments).
setFlagsFromString('--max-semi-space-size=32');

import { startCycleLanguageServer } from './main.js';

// A language server must never die: log what escaped a handler and carry on.
process.on('uncaughtException', error => console.error('cycle language server: uncaught exception', error));
process.on('unhandledRejection', reason => console.error('cycle language server: unhandled rejection', reason));

startCycleLanguageServer();
