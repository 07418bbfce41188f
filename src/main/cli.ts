import { join } from 'node:path';
import { useCompileCache } from './cli/compile-cache';
import { processIo } from './cli/io';
import { runCli } from './cli/main';

// This file is out/node/cli.cjs; its commands are chunks in out/node/cli/ (scripts/build-cli.mjs).
useCompileCache(join(__dirname, 'cli'), join(__dirname, 'cli', 'cache'));

void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
