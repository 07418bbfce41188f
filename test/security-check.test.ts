import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CSP, isAllowedExternal, isAllowedRequest, isOwnPage } from '../src/main/app/security-policy';
import { useTmpDir } from './support/tmp';

const root = join(__dirname, '..');
const tmp = useTmpDir();

type Run = { code: number; stdout: string };
function runCheck(cwdRoot: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(cwdRoot, 'scripts', 'security-check.mjs')], { timeout: 240_000 }, (err, stdout) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout });
    });
  });
}

/** A copy of just what the script reads, so it can be broken on purpose without touching the tree. */
function copyTree(): string {
  const dir = tmp();
  for (const p of [
    'src',
    'scripts/security-check.mjs',
    'scripts/security-check-lib.mjs',
    'package.json',
    'out/main',
    'out/preload',
    'out/renderer/index.html',
  ]) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    cpSync(join(root, p), join(dir, p), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`mutation did not apply to ${file}: ${String(from)}`);
  writeFileSync(path, next);
}

describe('scripts/security-check.mjs', () => {
  it.concurrent('passes on the tree as it is', async () => {
    const { code, stdout } = await runCheck(root);
    expect(stdout).not.toMatch(/^FAIL/m);
    expect(code).toBe(0);
    expect(stdout.match(/^ok {3}/gm)?.length ?? 0).toBeGreaterThanOrEqual(19);
  });

  it.concurrent('fails each check when the hardening it guards is removed', async () => {
    const dir = copyTree();
    edit(dir, 'src/main/app/index.ts', 'sandbox: true,', 'sandbox: false, allowRunningInsecureContent: true,');
    edit(dir, 'src/main/app/index.ts', 'isOwnPage(frameUrl, ownUrlPrefix)', 'frameUrl !== ""');
    edit(dir, 'src/main/app/index.ts', /void win\.loadFile\([^;]*\);/, "void win.loadURL('https://evil.example/');");
    edit(dir, 'src/main/app/security.ts', "return { action: 'deny' };", "return { action: 'allow' };");
    edit(dir, 'src/main/app/security.ts', 'if (isAllowedExternal(url)) void shell.openExternal(url);', 'void shell.openExternal(url);');
    edit(dir, 'src/main/app/security.ts', 'callback(false)', 'callback(true)');
    edit(dir, 'src/main/app/security.ts', "contents.on('will-attach-webview', (event) => event.preventDefault());", '');
    edit(dir, 'src/main/app/security-policy.ts', "u.protocol === 'https:' &&", '');
    edit(
      dir,
      'src/main/app/preload-bridge.ts',
      "contextBridge.exposeInMainWorld('minnes', api);",
      "contextBridge.exposeInMainWorld('minnes', { ...api, ipcRenderer });",
    );
    edit(dir, 'src/main/app/ipc.ts', /\s*if \(!isOwnFrame\(event\)\)[^\n]*/, '');
    edit(dir, 'out/renderer/index.html', "script-src 'self'", "script-src 'self' 'unsafe-eval'");
    edit(dir, 'package.json', '"runAsNode": false', '"runAsNode": true');

    const { code, stdout } = await runCheck(dir);
    expect(code).toBe(1);
    const failed = stdout.split('\n').filter((l) => l.startsWith('FAIL'));
    for (const name of [
      'sandbox: true on every window',
      'no insecure webPreferences',
      'CSP meta in out/renderer/index.html',
      'new windows denied',
      'webviews refused',
      'permission request and check handlers deny',
      'openExternal only through the allow-list',
      'no remote content',
      'preload exposes only named contract methods',
      'IPC handlers validate the sender',
      'fuses:',
      'electronegativity:',
    ])
      expect(
        failed.some((l) => l.startsWith(`FAIL ${name}`)),
        `${name} should fail:\n${stdout}`,
      ).toBe(true);
    // Untouched options still pass: a FAIL line is specific, not a blanket verdict.
    expect(stdout).toMatch(/^ok {3}contextIsolation: true on every window$/m);
  });
});

describe('security-policy', () => {
  const prefix = `${pathToFileURL(join(root, 'out', 'renderer')).href}/`;

  it('opens only https links to the allow-listed hosts', () => {
    expect(isAllowedExternal('https://www.riksarkivet.se/sok?q=samr%C3%A5d')).toBe(true);
    expect(isAllowedExternal('https://regeringen.se/')).toBe(true);
    for (const url of [
      'http://riksarkivet.se/',
      'https://riksarkivet.se.evil.example/',
      'https://evil.example/https://riksarkivet.se/',
      'https://user@riksarkivet.se/',
      'https://riksarkivet.se:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://riksarkivet.se/share',
      'not a url',
      '',
    ])
      expect(isAllowedExternal(url), url).toBe(false);
  });

  it('treats only files inside the renderer folder as our pages, after normalising the path', () => {
    expect(isOwnPage(`${prefix}index.html`, prefix)).toBe(true);
    expect(isOwnPage(`${prefix}index.html#/doc/1`, prefix)).toBe(true);
    for (const url of [
      `${prefix}../../etc/passwd`,
      `${prefix}%2e%2e/%2E%2E/secret.html`,
      'file:///etc/passwd',
      'https://evil.example/',
      prefix.slice(0, -1),
    ])
      expect(isOwnPage(url, prefix), url).toBe(false);
  });

  it('lets the session fetch only local and in-memory resources', () => {
    for (const url of [`${prefix}assets/index.js`, 'blob:file:///abc', 'data:image/png;base64,AA==', 'devtools://devtools/bundled/x.html'])
      expect(isAllowedRequest(url, prefix), url).toBe(true);
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:5173/', 'wss://evil.example/', 'file:///etc/passwd'])
      expect(isAllowedRequest(url, prefix), url).toBe(false);
  });

  it('sends the same CSP as the renderer page declares, without eval and with script-src self only', () => {
    const html = readFileSync(join(root, 'src', 'renderer', 'index.html'), 'utf8');
    expect(html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/)?.[1]).toBe(CSP);
    expect(CSP).not.toContain('unsafe-eval');
    expect(CSP).toMatch(/(^|; )script-src 'self'(;|$)/);
  });
});
