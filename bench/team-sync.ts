import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startPostgres } from '../test/support/postgres';
import { findRoot, type Row } from './cli-cold';
import { fmt, percentile } from './stats';

/**
 * Ten people typing into two sections of one shared minutes through the real team server (its own
 * process, as `minnes server` runs) over PostgreSQL: how long until a key is visible at every other
 * client, what the server process uses, and what PostgreSQL stores per 1,000 characters.
 */

const CLIENTS = 10;
const SECTIONS = ['gruppdiskussioner', 'medskick'];
const KEYS_PER_SECOND = 5;

const bin = join(findRoot(), 'bin', 'minnes.cjs');

function addUser(url: string, name: string): string {
  const r = spawnSync(process.execPath, [bin, 'server', 'user', 'add', name, '--role', 'sekreterare', '--database', url], {
    encoding: 'utf8',
  });
  const code = /inloggningskod (\S+)/.exec(r.stdout)?.[1];
  if (!code) throw new Error(`user add failed: ${r.stderr}`);
  return code;
}

/** utime + stime of a process in ms, and its peak RSS in MB, from /proc. */
function usage(pid: number): { cpuMs: number; peakMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { cpuMs: (ticks * 1000) / 100, peakMb: Number(hwm ?? 0) / 1024 };
}

export async function benchTeamSync(seconds = 30): Promise<Row[]> {
  const postgres = await startPostgres();
  const server = spawn(process.execPath, [bin, 'server', '--port', '0', '--database', postgres.url], { stdio: ['ignore', 'pipe', 'pipe'] });
  const providers: Array<{ destroy: () => void }> = [];
  try {
    const url = await new Promise<string>((ok, fail) => {
      let out = '';
      server.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Minnes teamserver: (http:\/\/\S+)/.exec(out);
        if (m?.[1]) ok(m[1]);
      });
      let err = '';
      server.stderr.on('data', (d: Buffer) => (err += d.toString()));
      server.once('exit', (code) => fail(new Error(`server exited ${code}: ${err.trim()}`)));
    });
    const tokens: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const res = await fetch(`${url}/api/sign-in`, {
        method: 'POST',
        body: JSON.stringify({ code: addUser(postgres.url, `Person ${i}`) }),
      });
      tokens.push(((await res.json()) as { token: string }).token);
    }
    const put = await fetch(`${url}/api/documents/bench-minutes`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokens[0]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ metadata: { title: 'Samråd' } }),
    });
    if (!put.ok) throw new Error(`creating the document: ${put.status}`);

    // When each key was typed, by its mark; and how long until each other client in its section saw it.
    const typedAt = new Map<string, number>();
    const latencies: number[] = [];
    const clients = tokens.map((token, i) => {
      const section = SECTIONS[i % SECTIONS.length]!;
      const socket = new HocuspocusProviderWebsocket({ url: url.replace(/^http/, 'ws') + '/sync', WebSocketPolyfill: WebSocket });
      const doc = new Y.Doc();
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name: `minutes/bench-minutes/${section}`,
        document: doc,
        token,
      });
      provider.attach();
      providers.push({ destroy: () => (provider.destroy(), socket.destroy()) });
      const text = doc.get('root', Y.XmlText);
      text.observe((e) => {
        if (e.transaction.local) return;
        for (const d of e.changes.delta) {
          if (typeof d.insert !== 'string') continue;
          for (const m of d.insert.matchAll(/‹(\d+\.\d+)›/g)) {
            const at = typedAt.get(m[1]!);
            if (at !== undefined) latencies.push(performance.now() - at);
          }
        }
      });
      return { provider, text, i };
    });
    const deadline = Date.now() + 10_000;
    while (!clients.every((c) => c.provider.isSynced) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));

    const before = usage(server.pid!);
    let seq = 0;
    const typed = await new Promise<number>((done) => {
      let chars = 0;
      const timers = clients.map((c) =>
        setInterval(() => {
          const mark = `${c.i}.${seq++}`;
          const key = `‹${mark}›`;
          typedAt.set(mark, performance.now());
          c.text.insert(c.text.length, key);
          chars += key.length;
        }, 1000 / KEYS_PER_SECOND),
      );
      setTimeout(() => {
        timers.forEach(clearInterval);
        setTimeout(() => done(chars), 1500); // the last keys still arrive
      }, seconds * 1000);
    });
    const after = usage(server.pid!);
    await new Promise((r) => setTimeout(r, 2500)); // the server's debounce stores the sections
    const db = new pg.Pool({ connectionString: postgres.url });
    const stored = await db.query<{ bytes: string }>(`SELECT coalesce(sum(octet_length(state)), 0) AS bytes FROM yjs_documents`);
    await db.end();
    const bytes = Number(stored.rows[0]?.bytes ?? 0);
    const p95 = percentile(latencies, 95);
    const expected = seq * (CLIENTS / SECTIONS.length - 1);
    return [
      [
        `team sync: ${CLIENTS} clients, ${SECTIONS.length} sections, ${KEYS_PER_SECOND} keys/s each, ${seconds} s`,
        `p50 ${fmt(percentile(latencies, 50))} ms, p95 ${fmt(p95)} ms`,
        `${latencies.length} of ${expected} deliveries seen; loopback; target p95 < 100 ms (${p95 < 100 ? 'met' : 'NOT met'})`,
      ],
      [
        'team server process while they typed',
        `CPU ${fmt(((after.cpuMs - before.cpuMs) / (seconds * 1000)) * 100)} % of a core, peak RSS ${fmt(after.peakMb)} MB`,
        'its own process (minnes server), from /proc',
      ],
      [
        'PostgreSQL bytes per 1,000 characters',
        `${fmt((bytes / Math.max(1, typed)) * 1000)} B`,
        `${bytes} bytes of Yjs state for ${typed} characters`,
      ],
    ];
  } finally {
    providers.forEach((p) => p.destroy());
    server.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 500));
    postgres.stop();
  }
}
