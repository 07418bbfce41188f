// Helpers for scripts/security-check.mjs: reading the sources as TypeScript ASTs, the CSP rules,
// and running electronegativity over a staged copy of our Electron code.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const at = (...p) => join(root, ...p);
export const read = (rel) => readFileSync(at(rel), 'utf8');

export const walk = (dir, re) =>
  readdirSync(at(dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name), re) : re.test(e.name) ? [join(dir, e.name)] : [],
  );

/** A file as an AST; .js bundles are parsed too, so the checks also see what ships. */
export const parse = (rel) => {
  const kind = rel.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  return { rel, sf: ts.createSourceFile(rel, read(rel), ts.ScriptTarget.Latest, true, kind) };
};

export function* nodes(node) {
  yield node;
  const kids = [];
  ts.forEachChild(node, (c) => void kids.push(c));
  for (const c of kids) yield* nodes(c);
}

export const where = ({ rel, sf }, node) => `${rel}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

/** Every call (or `new`) whose callee is `name` or ends in `.name`, with the file it is in. */
export function calls(files, name, kind = ts.SyntaxKind.CallExpression) {
  const found = [];
  for (const f of files)
    for (const n of nodes(f.sf)) {
      if (n.kind !== kind) continue;
      const callee = n.expression.getText(f.sf);
      if (callee === name || callee.endsWith(`.${name}`)) found.push({ f, n, text: n.getText(f.sf) });
    }
  return found;
}

export const firstArg = (c) => {
  const a = c.n.arguments?.[0];
  return a && ts.isStringLiteralLike(a) ? a.text : undefined;
};

/** Handlers registered as `.on('<event>', fn)`. */
export const eventHandlers = (files, event) => calls(files, 'on').filter((c) => firstArg(c) === event);

// Bundlers may print booleans as !0 / !1.
export const TRUE = new Set(['true', '!0']);
export const FALSE = new Set(['false', '!1']);

/** The pure policy module, transpiled and loaded, so its functions are checked as they ship. */
export async function loadPolicy() {
  const js = ts.transpileModule(read('src/main/app/security-policy.ts'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  return import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
}

/** What a CSP must say for our renderer: no eval, scripts only from our own files, no plugins. */
export function cspProblems(csp, label) {
  if (!csp) return [`${label}: no CSP`];
  const dirs = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k, v.join(' ')]),
  );
  return [
    csp.includes("'unsafe-eval'") && `${label}: allows 'unsafe-eval'`,
    !dirs.has('default-src') && `${label}: no default-src`,
    dirs.get('script-src') !== "'self'" && `${label}: script-src is "${dirs.get('script-src') ?? ''}", want 'self' only`,
    dirs.get('object-src') !== "'none'" && `${label}: object-src is not 'none'`,
  ];
}

export const metaCsp = (html) =>
  (html.match(/<meta\b[^>]*>/gi) ?? [])
    .filter((m) => /http-equiv\s*=\s*["']content-security-policy["']/i.test(m))
    .map((m) => m.match(/content\s*=\s*"([^"]*)"/i)?.[1] ?? m.match(/content\s*=\s*'([^']*)'/i)?.[1])[0];

// The tool's own runner in a child process (it may call process.exit), writing its findings as JSON. Not the CLI's
// -o: its CSV writer writes the header and the rows with two racing async writes (the header sometimes lands on top
// of the rows), and its SARIF carries no severity. The excluded check downloads Electron's release list.
const RUNNER = `
  const run = require('@doyensec/electronegativity');
  (run.default ?? run)({ input: process.argv[1], isRelative: true, customScan: [], parserPlugins: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'] }, false).then((r) => {
    const issues = r.issues.map((i) => ({ id: i.id, severity: i.severity.name, file: i.file, line: i.location.line, sample: (i.sample ?? '').trim() }));
    require('node:fs').writeFileSync(process.argv[2], JSON.stringify({ errors: r.errors.map((e) => e.file + ': ' + e.message), issues }));
  });`;

export const ANALYSED = ['src/main/app', 'src/preload', 'out/main', 'out/preload', 'out/renderer/index.html', 'package.json'];

/**
 * Electronegativity over a staged copy of only our Electron code (plus package.json for the Electron
 * version), so the core's plain Node code is not mistaken for renderer code.
 */
export function runElectronegativity() {
  const stage = mkdtempSync(join(tmpdir(), 'minnes-eng-'));
  try {
    for (const from of ANALYSED.filter((p) => existsSync(at(p)))) {
      const to = join(stage, from.replace(/\//g, '-').replace(/-(index\.html)$/, '/$1'));
      mkdirSync(dirname(to), { recursive: true });
      cpSync(at(from), to, { recursive: true });
    }
    const out = join(stage, 'report.json');
    const r = spawnSync(process.execPath, ['-e', RUNNER, stage, out], { cwd: root, encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0 || !existsSync(out))
      throw new Error(`electronegativity did not run (exit ${r.status}): ${(r.stderr || r.stdout).slice(-400)}`);
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

// Test vectors for the policy functions: none of these may pass.
export const outsideUrls = (ownPrefix) => [
  `${ownPrefix}../../etc/passwd`,
  `${ownPrefix}%2e%2e/%2e%2e/x.html`,
  'file:///etc/passwd',
  'https://evil.example/',
  'http://127.0.0.1:5173/',
  'javascript:alert(1)',
];
export const HOSTILE_EXTERNAL = [
  'http://riksarkivet.se/',
  'https://riksarkivet.se.evil.example/',
  'https://evil.example/riksarkivet.se/',
  'https://x@riksarkivet.se/',
  'https://riksarkivet.se:8443/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'smb://riksarkivet.se/share',
  'ms-msdt:/id PCWDiagnostic',
];
export const REMOTE_REQUESTS = ['https://example.com/x.js', 'http://127.0.0.1:8080/', 'wss://evil.example/', 'file:///etc/passwd'];
/** Names that would hand the renderer a generic IPC door if a contract channel were called so. */
export const GENERIC = new Set([
  'ipcRenderer',
  'invoke',
  'send',
  'sendSync',
  'sendToHost',
  'on',
  'once',
  'postMessage',
  'removeListener',
  'require',
  'process',
]);

/** The channel names of the IPC contract, read from src/shared/contract.ts. */
export function contractChannels() {
  const f = parse('src/shared/contract.ts');
  for (const n of nodes(f.sf))
    if (ts.isVariableDeclaration(n) && n.name.getText(f.sf) === 'contract') {
      let init = n.initializer;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init)))
        init = init.expression;
      if (init && ts.isObjectLiteralExpression(init)) return init.properties.map((p) => p.name?.getText(f.sf) ?? '');
    }
  throw new Error('contract table not found in src/shared/contract.ts');
}
