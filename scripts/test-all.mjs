// `npm test`: every suite in order, one summary line at the end: "N passed, N failed".
// Checks (types, lint, build) count as one test each; unit and e2e suites report their own counts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { electronAvailability } = require('./electron-check.cjs');

let passed = 0;
let failed = 0;
const lines = [];

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(name, cmd, args) {
  process.stdout.write(`\n── ${name} ──\n`);
  const ok = run(cmd, args);
  if (ok) passed++;
  else failed++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  return ok;
}

function suite(name, cmd, args, reportFile, count) {
  process.stdout.write(`\n── ${name} ──\n`);
  rmSync(reportFile, { force: true });
  const ok = run(cmd, args);
  if (!existsSync(reportFile)) {
    failed++;
    lines.push(`FAIL ${name}: no report (the runner crashed)`);
    return;
  }
  const c = count(JSON.parse(readFileSync(reportFile, 'utf8')));
  passed += c.passed;
  failed += c.failed;
  if (!ok && c.failed === 0) failed++; // a runner error outside any test still fails the run
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${c.passed} passed, ${c.failed} failed`);
}

mkdirSync('test-results', { recursive: true });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
check('typecheck (tsc -b, strict)', npx, ['tsc', '-b']);
check('lint (eslint)', npx, ['eslint', '.', '--max-warnings=0']);
check('format (prettier --check)', npx, ['prettier', '--check', '.', '--log-level=warn']);
const built = check('build (electron-vite build + node bundles)', 'npm', ['run', '--silent', 'build']);

suite(
  'unit (vitest)',
  npx,
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'],
  'test-results/unit.json',
  (j) => ({
    passed: j.numPassedTests,
    failed: j.numFailedTests + (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
  }),
);

if (built) {
  suite('e2e (playwright)', npx, ['playwright', 'test'], 'test-results/e2e.json', (j) => ({
    passed: j.stats.expected,
    failed: j.stats.unexpected + j.stats.flaky + j.stats.skipped,
  }));
} else {
  failed++;
  lines.push('FAIL e2e: not run because the build failed');
}

const electron = electronAvailability();
if (!electron.ok) lines.push(`note electron e2e (the real app): not run here: ${electron.reason}; the browser-host e2e ran instead`);

process.stdout.write(`\n── summary ──\n${lines.join('\n')}\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
