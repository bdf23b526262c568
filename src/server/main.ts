import '../preludes/young-generation.js';
import '../preludes/node20-polyfill.cjs';
import { startCycleLanguageServer } from './start-server.js';

// A language server must never die: log what escaped a handler and carry on.
process.on('uncaughtException', error => console.error('cycle language server: uncaught exception', error));
process.on('unhandledRejection', reason => console.error('cycle language server: unhandled rejection', reason));

startCycleLanguageServer();
