#!/usr/bin/env node
'use strict';
// Builds the CLI on demand (from a source checkout) and then runs it; build output goes to stderr only.
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const root = path.join(__dirname, '..');
import(pathToFileURL(path.join(root, 'scripts', 'build-node.mjs')).href)
  .then((m) => m.ensureNodeBuild())
  .catch(() => undefined)
  .then(() => require(path.join(root, 'out', 'node', 'cli.cjs')));
