// The Electron security checklist (https://www.electronjs.org/docs/latest/tutorial/security), item by item,
// checked statically over src/ and the built out/ (no Electron binary needed), then electronegativity.
// One line per check, "ok  <check>" or "FAIL <check>: why"; exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import {
  ANALYSED,
  GENERIC,
  HOSTILE_EXTERNAL,
  REMOTE_REQUESTS,
  contractChannels,
  outsideUrls,
  FALSE,
  TRUE,
  at,
  calls,
  cspProblems,
  eventHandlers,
  firstArg,
  loadPolicy,
  metaCsp,
  nodes,
  parse,
  read,
  root,
  runElectronegativity,
  walk,
  where,
} from './security-check-lib.mjs';

let failed = 0;

/** `run` returns a list of problems (or throws); empty means the check passed. */
async function check(name, run) {
  let problems;
  try {
    problems = (await run()).filter(Boolean);
  } catch (e) {
    problems = [`check crashed: ${e instanceof Error ? e.message : String(e)}`];
  }
  if (problems.length === 0) console.log(`ok   ${name}`);
  else {
    failed++;
    console.log(`FAIL ${name}: ${problems.join('; ')}`);
  }
}

// ── what is analysed ──
const BUILT = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
if (!BUILT.every((f) => existsSync(at(f)))) {
  console.log('(out/ is incomplete: running npm run build first)');
  const b = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) {
    console.log('FAIL build: npm run build failed, the built output cannot be checked');
    process.exit(1);
  }
}

const srcFiles = [...walk('src/main', /\.ts$/), ...walk('src/preload', /\.ts$/)].map(parse);
const outFiles = [...walk('out/main', /\.js$/), ...walk('out/preload', /\.c?js$/)].map(parse);
const all = [...srcFiles, ...outFiles];
const policy = await loadPolicy();
const ownPrefix = pathToFileURL(at('out', 'renderer')).href + '/';

// ── webPreferences ──
const windows = calls(srcFiles, 'BrowserWindow', ts.SyntaxKind.NewExpression)
  .concat(calls(srcFiles, 'BrowserView', ts.SyntaxKind.NewExpression), calls(srcFiles, 'WebContentsView', ts.SyntaxKind.NewExpression))
  .map((c) => {
    const prefs = new Map();
    for (const n of nodes(c.n))
      if (ts.isPropertyAssignment(n) && n.name.getText(c.f.sf) === 'webPreferences' && ts.isObjectLiteralExpression(n.initializer))
        for (const p of n.initializer.properties)
          if (ts.isPropertyAssignment(p)) prefs.set(p.name.getText(c.f.sf), p.initializer.getText(c.f.sf));
    return { at: where(c.f, c.n), prefs };
  });
const WANT = [
  ['sandbox', (v) => TRUE.has(v), 'true'],
  ['contextIsolation', (v) => TRUE.has(v), 'true'],
  ['nodeIntegration', (v) => FALSE.has(v), 'false'],
  ['webviewTag', (v) => FALSE.has(v), 'false'],
  ['webSecurity', (v) => v === undefined || TRUE.has(v), 'true or unset'],
];
for (const [name, ok, want] of WANT)
  await check(name === 'webSecurity' ? 'webSecurity not disabled' : `${name}: ${want} on every window`, () =>
    windows.length === 0
      ? ['no BrowserWindow found in src/main']
      : windows.filter((w) => !ok(w.prefs.get(name))).map((w) => `${w.at} has ${name}: ${w.prefs.get(name) ?? '(unset)'}, want ${want}`),
  );

// Anywhere in src/ or out/, not only in the window we know of: a dangerous option or switch is a finding.
const DANGEROUS = {
  allowRunningInsecureContent: () => true,
  experimentalFeatures: () => true,
  enableBlinkFeatures: () => true,
  nodeIntegration: (v) => !FALSE.has(v),
  nodeIntegrationInSubFrames: (v) => !FALSE.has(v),
  nodeIntegrationInWorker: (v) => !FALSE.has(v),
  contextIsolation: (v) => !TRUE.has(v),
  sandbox: (v) => !TRUE.has(v),
  webSecurity: (v) => !TRUE.has(v),
  webviewTag: (v) => !FALSE.has(v),
};
await check('no insecure webPreferences or switches anywhere (allowRunningInsecureContent, experimentalFeatures, …)', () => {
  const found = [];
  for (const f of all)
    for (const n of nodes(f.sf)) {
      if (!ts.isPropertyAssignment(n)) continue;
      const name = n.name.getText(f.sf);
      if (Object.hasOwn(DANGEROUS, name) && DANGEROUS[name](n.initializer.getText(f.sf))) found.push(`${where(f, n)} ${n.getText(f.sf)}`);
    }
  const switches =
    /^(disable-web-security|no-sandbox|ignore-certificate-errors|allow-running-insecure-content|remote-debugging-port|inspect)/;
  for (const c of calls(all, 'appendSwitch')) if (switches.test(firstArg(c) ?? '')) found.push(`${where(c.f, c.n)} ${c.text}`);
  for (const c of [...calls(all, 'disableSandbox'), ...calls(all, 'setCertificateVerifyProc')]) found.push(`${where(c.f, c.n)} ${c.text}`);
  return found;
});

// ── Content-Security-Policy ──
await check("CSP meta in out/renderer/index.html: no 'unsafe-eval', script-src 'self' only", () => {
  const built = metaCsp(read('out/renderer/index.html'));
  return [
    ...cspProblems(built, 'out/renderer/index.html'),
    built !== metaCsp(read('src/renderer/index.html')) && 'differs from src/renderer/index.html (stale build?)',
  ];
});
await check('CSP also sent as a response header (security.ts), the same policy as the meta', () => {
  const sec = read('src/main/app/security.ts');
  return [
    ...cspProblems(policy.CSP, 'security-policy.ts CSP'),
    !/onHeadersReceived\([\s\S]*?['"]Content-Security-Policy['"]\s*:\s*\[CSP\]/.test(sec) &&
      'security.ts does not set Content-Security-Policy: [CSP] in onHeadersReceived',
    !/import\s*\{[^}]*\bCSP\b[^}]*\}\s*from\s*'\.\/security-policy'/.test(sec) && 'security.ts does not take CSP from security-policy.ts',
    policy.CSP !== metaCsp(read('src/renderer/index.html')) && 'header CSP and src/renderer/index.html meta differ',
  ];
});

// ── navigation, windows, webviews, permissions ──
const sec = srcFiles.filter((f) => f.rel.startsWith('src/main/app/'));
const handlerCalls = (event, must) => {
  const hs = eventHandlers(sec, event);
  return hs.length === 0
    ? [`no ${event} handler`]
    : hs.filter((h) => !must.every((m) => h.text.includes(m))).map((h) => `${where(h.f, h.n)} lacks ${must.join(' + ')}`);
};
await check('hardening applies to every WebContents, before the first window', () => {
  const idx = srcFiles.find((f) => f.rel === 'src/main/app/index.ts');
  const first = (name) => calls([idx], name)[0]?.n.getStart() ?? Infinity;
  return [
    eventHandlers(sec, 'web-contents-created').filter((h) => h.text.includes('hardenContents(')).length === 0 &&
      "no app.on('web-contents-created') → hardenContents",
    !(first('hardenSession') < first('createWindow')) && 'hardenSession() is not called before createWindow()',
  ];
});
await check('navigation blocked (will-navigate and will-redirect prevent leaving our pages)', () => [
  ...handlerCalls('will-navigate', ['preventDefault', 'isOwnPage(']),
  ...handlerCalls('will-redirect', ['preventDefault', 'isOwnPage(']),
  ...outsideUrls(ownPrefix)
    .filter((u) => policy.isOwnPage(u, ownPrefix))
    .map((u) => `isOwnPage accepts ${u}`),
  !policy.isOwnPage(`${ownPrefix}index.html`, ownPrefix) && 'isOwnPage refuses our own index.html',
]);
await check('new windows denied (setWindowOpenHandler returns deny only)', () => {
  const hs = calls(all, 'setWindowOpenHandler');
  return hs.length === 0
    ? ['no setWindowOpenHandler']
    : hs
        .filter((h) => !/action:\s*['"]deny['"]/.test(h.text) || /['"]allow['"]/.test(h.text))
        .map((h) => `${where(h.f, h.n)} may allow a window`);
});
await check('webviews refused (will-attach-webview prevents)', () => handlerCalls('will-attach-webview', ['preventDefault']));
await check('permission request and check handlers deny everything', () => {
  const req = calls(sec, 'setPermissionRequestHandler');
  const chk = calls(sec, 'setPermissionCheckHandler');
  return [
    // Every call of the callback must be callback(false).
    (req.length === 0 ||
      req.some(
        (c) => c.text.split('callback(').length !== c.text.split('callback(false)').length || !c.text.includes('callback(false)'),
      )) &&
      'setPermissionRequestHandler missing or not always callback(false)',
    (chk.length === 0 || chk.some((c) => !/\(\)\s*=>\s*false\s*\)$/.test(c.text))) &&
      'setPermissionCheckHandler missing or not () => false',
  ];
});

// ── external links and remote content ──
await check('openExternal only through the allow-list (every call guarded by isAllowedExternal(sameArg))', () => {
  const found = calls(all, 'openExternal').filter((c) => {
    const arg = c.n.arguments[0]?.getText(c.f.sf);
    let p = c.n.parent;
    while (p && !ts.isIfStatement(p) && !ts.isFunctionLike(p)) p = p.parent;
    return !(p && ts.isIfStatement(p) && p.expression.getText(c.f.sf) === `isAllowedExternal(${arg})`);
  });
  return [
    ...found.map((c) => `${where(c.f, c.n)} unguarded: ${c.text}`),
    ...HOSTILE_EXTERNAL.filter((u) => policy.isAllowedExternal(u)).map((u) => `isAllowedExternal accepts ${u}`),
    !policy.isAllowedExternal('https://www.riksarkivet.se/sok') && 'isAllowedExternal refuses https://www.riksarkivet.se/sok',
  ];
});
await check('no remote content (no loadURL, onBeforeRequest cancels non-local, built HTML references only local files)', () => {
  const html = read('out/renderer/index.html');
  const remoteRefs = [...html.matchAll(/\b(?:src|href)\s*=\s*["']((?:[a-z]+:)?\/\/[^"']*)/gi)].map((m) => m[1]);
  const before = calls(sec, 'onBeforeRequest');
  return [
    ...calls(all, 'loadURL').map((c) => `${where(c.f, c.n)} ${c.text}`),
    ...calls(all, 'loadFile')
      .filter((c) => /^(https?|wss?):/.test(firstArg(c) ?? ''))
      .map((c) => `${where(c.f, c.n)} ${c.text}`),
    (before.length === 0 || !before.every((c) => c.text.includes('cancel: !isAllowedRequest(details.url'))) &&
      'onBeforeRequest does not cancel by isAllowedRequest',
    ...REMOTE_REQUESTS.filter((u) => policy.isAllowedRequest(u, ownPrefix)).map((u) => `isAllowedRequest accepts ${u}`),
    ...remoteRefs.map((r) => `out/renderer/index.html references ${r}`),
  ];
});

// ── preload and IPC ──
await check('preload exposes only named contract methods (no ipcRenderer, no generic invoke/send)', () => {
  const preload = srcFiles.filter((f) => f.rel.startsWith('src/preload/') || f.rel === 'src/main/app/preload-bridge.ts');
  const exposed = calls(all, 'exposeInMainWorld');
  const ipcUse = preload.flatMap((f) =>
    [...nodes(f.sf)].filter((n) => ts.isPropertyAccessExpression(n) && n.expression.getText(f.sf) === 'ipcRenderer').map((n) => ({ f, n })),
  );
  const builtRequires = [...read('out/preload/index.cjs').matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  return [
    exposed.filter((c) => c.f.rel.startsWith('src/')).length !== 1 && `exposeInMainWorld called ${exposed.length} times in src, want once`,
    ...exposed
      .filter((c) => /ipcRenderer|\bsend\b|\binvoke\b/.test(c.n.arguments[1]?.getText(c.f.sf) ?? ''))
      .map((c) => `${where(c.f, c.n)} exposes ${c.n.arguments[1]?.getText(c.f.sf)}`),
    ...ipcUse
      .filter(({ f, n }) => n.name.text !== 'invoke' || !n.parent.arguments?.[0]?.getText(f.sf).startsWith('ipcChannel('))
      .map(({ f, n }) => `${where(f, n)} ${n.parent.getText(f.sf)}`),
    ...contractChannels()
      .filter((c) => GENERIC.has(c))
      .map((c) => `contract channel named "${c}"`),
    ...builtRequires
      .filter((m) => m !== 'electron')
      .map((m) => `out/preload/index.cjs requires ${m} (a sandboxed preload can only require electron)`),
  ];
});
await check('IPC handlers validate the sender (every ipcMain handler checks isOwnFrame; own frame = isOwnPage(senderFrame.url))', () => {
  const handlers = ['handle', 'handleOnce', 'on', 'once'].flatMap((m) => calls(srcFiles, `ipcMain.${m}`));
  const reg = calls(srcFiles, 'registerIpc').filter((c) => c.f.rel === 'src/main/app/index.ts');
  return [
    handlers.length === 0 && 'no ipcMain handlers found',
    ...handlers
      .filter((c) => {
        const fn = c.n.arguments[1];
        const first =
          fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isBlock(fn.body) ? fn.body.statements[0] : undefined;
        return !(first && ts.isIfStatement(first) && /^!isOwnFrame\(\w+\)$/.test(first.expression.getText(c.f.sf)));
      })
      .map((c) => `${where(c.f, c.n)} does not check the sender first`),
    (reg.length !== 1 || !/senderFrame[\s\S]*isOwnPage\(/.test(reg[0].n.arguments[1]?.getText(reg[0].f.sf) ?? '')) &&
      'registerIpc in index.ts does not check senderFrame with isOwnPage',
  ];
});

// ── fuses ──
await check('fuses: runAsNode, nodeOptions, nodeCliInspect off; onlyLoadAppFromAsar, asar integrity on', () => {
  const build = JSON.parse(read('package.json')).build ?? {};
  const fuses = build.electronFuses ?? {};
  const want = {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
  };
  return [
    ...Object.entries(want)
      .filter(([k, v]) => fuses[k] !== v)
      .map(([k, v]) => `build.electronFuses.${k} is ${fuses[k]}, want ${v}`),
    build.asar === false && 'build.asar is false (integrity needs an asar)',
  ];
});

// ── electronegativity ──
// Accepted findings, each matched by check id, file and the flagged line, so a new instance elsewhere still fails.
const ALLOW = [
  {
    id: 'AUXCLICK_JS_CHECK',
    file: /main-app\/index\.ts$/,
    sample: /new BrowserWindow\(/,
    why: 'a middle-click opens a window, and setWindowOpenHandler denies every window (checked above)',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: /main-app\/index\.ts$/,
    sample: /preload: join\(__dirname, '\.\.', 'preload', 'index\.cjs'\)/,
    why: 'the preload is reviewed by the "preload exposes only named contract methods" check above',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: /(main-app\/security\.ts|out-main\/index\.js)$/,
    sample: /^if \(isAllowedExternal\(url\)\) (void )?(electron\.)?shell\.openExternal\(url\);$/,
    why: 'guarded by the https host allow-list (checked above)',
  },
];
await check('electronegativity: no HIGH or MEDIUM finding outside the allow-list', () => {
  const { errors, issues } = runElectronegativity();
  const serious = issues.filter((x) => x.severity === 'HIGH' || x.severity === 'MEDIUM');
  const allowed = serious.filter((x) => ALLOW.some((a) => a.id === x.id && a.file.test(x.file) && a.sample.test(x.sample)));
  const rest = serious.filter((x) => !allowed.includes(x));
  console.log(
    `     (${issues.length} findings, ${serious.length} HIGH/MEDIUM, ${allowed.length} allow-listed; analysed ${ANALYSED.join(', ')})`,
  );
  return [...errors.map((e) => `could not parse ${e}`), ...rest.map((x) => `${x.id} ${x.severity} ${x.file}:${x.line} ${x.sample}`)];
});

process.exit(failed === 0 ? 0 : 1);
