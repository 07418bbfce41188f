import { runCli } from './cli/main';
import { processIo } from './cli/io';

void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
