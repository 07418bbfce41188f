import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronSqliteBinding } from '../src/main/app/native-binding';
import { useTmpDir } from './support/tmp';
import { call, TOKEN, useWebHost, type Reply } from './support/web-host';

const { start } = useWebHost(useTmpDir());

/** The meta policy the renderer ships with; the header must say at least as much. */
function metaCsp(): string[] {
  const html = readFileSync(join(__dirname, '..', 'src', 'renderer', 'index.html'), 'utf8');
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  return content.split(';').map((d) => d.trim());
}

function expectSecurityHeaders(r: Reply): void {
  const csp = String(r.headers['content-security-policy']);
  for (const directive of metaCsp()) expect(csp).toContain(directive);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(r.headers['x-frame-options']).toBe('DENY');
  expect(r.headers['x-content-type-options']).toBe('nosniff');
  expect(r.headers['referrer-policy']).toBe('no-referrer');
}

const api = (port: number, headers: Record<string, string> = {}) =>
  call(port, '/api/listDocuments', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });

describe('browser host: the key moves from the address to a cookie', () => {
  it('swaps the printed address for an HttpOnly, SameSite=Strict cookie scoped to the API and sends the browser to /', async () => {
    const h = await start();
    const first = await call(h.port, new URL(h.url).pathname + new URL(h.url).search);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const [cookie] = first.headers['set-cookie'] ?? [];
    expect(cookie).toBeDefined();
    const attrs = (cookie ?? '').split(';').map((a) => a.trim().toLowerCase());
    expect(attrs).toContain('httponly');
    expect(attrs).toContain('samesite=strict');
    expect(attrs).toContain('path=/api/');
    expect(cookie).toMatch(new RegExp(`^minnes-${h.port}=${TOKEN};`));

    // From here on the cookie alone does: no key in any address or header.
    const pair = (cookie ?? '').split(';')[0] ?? '';
    const page = await call(h.port, '/');
    expect(page.status).toBe(200);
    const listed = await api(h.port, { cookie: `other=1; ${pair}` });
    expect(listed.status).toBe(200);
    expect(JSON.parse(listed.body)).toEqual({ ok: true, value: [] });
  });

  it('keeps other query parameters but drops the key on the way to /', async () => {
    const h = await start();
    const r = await call(h.port, `/?lang=sv&token=${TOKEN}`);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/?lang=sv');
  });

  it('refuses a wrong key in the address, and an API call with neither cookie nor key', async () => {
    const h = await start();
    const wrong = await call(h.port, '/?token=tok-654321');
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect((await api(h.port)).status).toBe(401);
    expect((await api(h.port, { cookie: `minnes-${h.port}=tok-654321` })).status).toBe(401);
    // Another host's cookie (another port) is not ours.
    expect((await api(h.port, { cookie: `minnes-${h.port + 1}=${TOKEN}` })).status).toBe(401);
    // Scripts without a cookie jar still send the header.
    expect((await api(h.port, { 'x-minnes-token': TOKEN })).status).toBe(200);
  });
});

describe('browser host: security headers and malformed paths', () => {
  it('sends the CSP with frame-ancestors, nosniff, no-referrer and DENY on HTML, scripts, API answers and errors', async () => {
    const h = await start();
    const html = await call(h.port, '/');
    expect(html.headers['content-type']).toContain('text/html');
    const js = await call(h.port, '/assets/app.js');
    expect(js.headers['content-type']).toContain('text/javascript');
    const replies = [html, js, await api(h.port, { 'x-minnes-token': TOKEN }), await api(h.port), await call(h.port, '/nope.js')];
    replies.push(await call(h.port, `/?token=${TOKEN}`), await call(h.port, '/%'));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 401, 404, 303, 400]);
    for (const r of replies) expectSecurityHeaders(r);
  });

  it('answers 400 without a stack trace for broken percent-encoding, a NUL byte or a non-path target', async () => {
    const h = await start();
    for (const path of ['/%E0%A4%A', '/%', '/assets/%zz.js', '/%00', '/api/%E0%A4%A', '*']) {
      const r = await call(h.port, path, path.startsWith('/api/') ? { method: 'POST', body: '{}' } : {});
      expect(r.status, path).toBe(400);
      expect(r.body, path).not.toMatch(/Error|at \w|\.ts:|\.js:/);
    }
    // The host still serves afterwards.
    expect((await call(h.port, '/')).status).toBe(200);
  });
});

describe('packaged Electron app and MINNES_ELECTRON_SQLITE', () => {
  const env = { MINNES_ELECTRON_SQLITE: '/tmp/evil.node' };
  it('is honoured only when not packaged (npm start, the e2e)', () => {
    expect(electronSqliteBinding(env, false)).toBe('/tmp/evil.node');
    expect(electronSqliteBinding({}, false)).toBeUndefined();
    expect(electronSqliteBinding({ MINNES_ELECTRON_SQLITE: '' }, false)).toBeUndefined();
  });
  it('is ignored by the packaged app, which loads its own rebuilt binary', () => {
    expect(electronSqliteBinding(env, true)).toBeUndefined();
  });
});

describe('browser host: timeouts', () => {
  it('gives headers as long as a whole request, so a busy loop does not turn queued requests into 408', async () => {
    const h = await start();
    expect(h.server.headersTimeout).toBe(300_000);
    expect(h.server.requestTimeout).toBe(300_000);
  });
});
