/**
 * A process that opens the store for writing and then waits to be killed: the app or the browser
 * host at the moment of a crash or power cut. Prints "open" once the store is open.
 */
import { writeSync } from 'node:fs';
import { openStore } from '../../src/main/core/store';

const file = process.argv[2];
if (!file) throw new Error('usage: hold-open <db>');
openStore(file);
writeSync(1, 'open\n');
// Bounded, so that a child the test failed to kill does not run forever.
setTimeout(() => process.exit(3), 30_000);
