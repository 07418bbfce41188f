import { describe, expect, it } from 'vitest';
import { useTmpDir } from './support/tmp';
import { call, useWebHost } from './support/web-host';

const { start, db: currentDb } = useWebHost(useTmpDir());

describe('browser host', () => {
  it('binds 127.0.0.1 and prints a URL with the token', async () => {
    const h = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=tok-123456$/);
    const addr = h.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
  });

  it('answers API calls with the token and refuses them without it', async () => {
    const h = await start();
    const ok = await call(h.port, '/api/listDocuments', { method: 'POST', headers: { 'x-minnes-token': 'tok-123456' }, body: '{}' });
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: [] });
    const none = await call(h.port, '/api/createDocument', { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    const wrong = await call(h.port, '/api/createDocument', { method: 'POST', headers: { 'x-minnes-token': 'tok-654321' }, body: '{}' });
    expect(wrong.status).toBe(401);
    const list = await call(h.port, '/api/listDocuments', { method: 'POST', headers: { 'x-minnes-token': 'tok-123456' }, body: '{}' });
    expect(JSON.parse(list.body).value).toHaveLength(0);
  });

  it('refuses a foreign Origin or Host even with the token', async () => {
    const h = await start();
    const headers = { 'x-minnes-token': 'tok-123456' };
    const origin = await call(h.port, '/api/createDocument', {
      method: 'POST',
      headers: { ...headers, origin: 'http://evil.example' },
      body: '{}',
    });
    expect(origin.status).toBe(403);
    const rebound = await call(h.port, '/api/createDocument', {
      method: 'POST',
      headers: { ...headers, host: `evil.example:${h.port}` },
      body: '{}',
    });
    expect(rebound.status).toBe(403);
    const list = await call(h.port, '/api/listDocuments', { method: 'POST', headers, body: '{}' });
    expect(JSON.parse(list.body).value).toHaveLength(0);
  });

  it('serves the renderer but nothing outside its folder', async () => {
    const h = await start();
    expect((await call(h.port, '/')).body).toContain('<title>Minnes</title>');
    expect((await call(h.port, '/../secret.txt')).body).not.toContain('hemligt');
    expect((await call(h.port, '/%2e%2e/secret.txt')).body).not.toContain('hemligt');
  });

  it('refuses an edit to approved minutes over HTTP and leaves the stored row as it was', async () => {
    const h = await start();
    const headers = { 'x-minnes-token': 'tok-123456' };
    const post = async (channel: string, body: unknown) =>
      JSON.parse((await call(h.port, `/api/${channel}`, { method: 'POST', headers, body: JSON.stringify(body) })).body) as {
        ok: boolean;
        value: { id: string; metadata: Record<string, string> };
      };
    const doc = (await post('createDocument', { metadata: { theme: 'Tema', date: '2026-06-09' } })).value;
    await post('changeStatus', { id: doc.id, status: 'granskning' });
    await post('changeStatus', { id: doc.id, status: 'justerad', approvedBy: 'Karin' });
    const row = () => currentDb()?.prepare('SELECT * FROM documents WHERE id = ?').get(doc.id);
    const before = row();
    const attempt = await post('saveDocument', { id: doc.id, metadata: { ...doc.metadata, theme: 'Ändrat' } });
    expect(attempt.ok).toBe(false);
    expect(row()).toEqual(before);
  });

  it('answers malformed JSON with a clear error', async () => {
    const h = await start();
    const r = await call(h.port, '/api/createDocument', { method: 'POST', headers: { 'x-minnes-token': 'tok-123456' }, body: '{nope' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.message).toBe('Förfrågan är inte giltig JSON.');
  });
});
