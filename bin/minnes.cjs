#!/usr/bin/env node
'use strict';
// The `minnes` command (npx minnes, npm link, a global install). In a source checkout it first
// rebuilds when a file the last build read or wrote has changed (scripts/build-stamp.cjs: a stat per
// file, no folder walk, no build script loaded); an installed copy without src/ runs what ships.
// Build output goes to stderr only, so `--json` stays clean.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const cli = join(root, 'out', 'node', 'cli.cjs');

if (existsSync(join(root, 'src')) && !require('../scripts/build-stamp.cjs').stampFresh(root, 'cli')) {
  const { pathToFileURL } = require('node:url');
  import(pathToFileURL(join(root, 'scripts', 'build-node.mjs')).href)
    .then((m) => m.ensureNodeBuild())
    .catch((e) => process.stderr.write(`minnes: the build failed (${e instanceof Error ? e.message : String(e)}); running the last one\n`))
    .then(() => require(cli));
} else {
  require(cli);
}
