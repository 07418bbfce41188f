import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { ROOT, startHost } from '../e2e/support/host';
import { cookieName } from '../src/main/web/auth';
import { launchChromium, seedLongDocument } from './browser';
import { median } from './stats';

export type BundleFile = { file: string; bytes: number; gzipBytes: number; firstView: boolean };
export type BundleSize = { firstViewGzipBytes: number; totalGzipBytes: number; files: BundleFile[] };

function listFiles(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel ? posix.join(rel, e.name) : e.name;
    return e.isDirectory() ? listFiles(dir, p) : [p];
  });
}

/**
 * The scripts index.html starts with: the entry and the chunks Vite lists as its static imports
 * (modulepreload). Chunks behind import() are left out, since the first view never asks for them.
 */
function firstViewScripts(html: string): Set<string> {
  const refs = new Set<string>();
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith('<script') && /\btype="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /\brel="modulepreload"/.test(tag);
    const ref = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isScript || isPreload) && ref) refs.add(posix.normalize(ref.replace(/^\.?\//, '')));
  }
  return refs;
}

/**
 * Gzip sizes (zlib's default level, as a web server would send them) of the built renderer's
 * JavaScript: what the documents list needs before it can draw, and everything.
 */
export function rendererBundleSize(dir = join(ROOT, 'out/renderer')): BundleSize {
  const first = firstViewScripts(readFileSync(join(dir, 'index.html'), 'utf8'));
  if (first.size === 0) throw new Error(`no module script in ${dir}/index.html`);
  const files = listFiles(dir)
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const data = readFileSync(join(dir, file));
      return { file, bytes: data.length, gzipBytes: gzipSync(data).length, firstView: first.has(file) };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const missing = [...first].filter((f) => !files.some((x) => x.file === f));
  if (missing.length > 0) throw new Error(`index.html names scripts that are not built: ${missing.join(', ')}`);
  const sum = (xs: BundleFile[]) => xs.reduce((n, x) => n + x.gzipBytes, 0);
  return { firstViewGzipBytes: sum(files.filter((f) => f.firstView)), totalGzipBytes: sum(files), files };
}

// The documents list's rows and a section editor with text in it: what a user waits to see.
const LIST_ROW = '[aria-label="Dokument"] [data-id]';
const EDITOR_TEXT = '[contenteditable] p';

declare global {
  interface Window {
    __minnesSeen?: Promise<number>;
  }
}

/**
 * Installed before the page's own scripts: resolves with performance.now() (milliseconds since
 * navigation start) once the element is in the DOM with a layout box and the frame holding it has
 * been produced (a task after the next animation frame), so script load, API calls and the first
 * render all count, and Node's round trips do not.
 */
function watchFor(selector: string): void {
  window.__minnesSeen = new Promise<number>((resolve, reject) => {
    setTimeout(() => reject(new Error(`${selector} not seen in 30 s`)), 30_000);
    const seen = () => {
      const el = document.querySelector(selector);
      return !!el && el.getClientRects().length > 0 && !!el.textContent?.trim();
    };
    const done = () => {
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    };
    const observer = new MutationObserver(() => {
      if (seen()) done();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
}

/** One cold load in a fresh context (empty HTTP cache, no compiled-code cache). */
async function timeLoad(browser: Browser, origin: string, token: string, hash: string, selector: string): Promise<number> {
  const context = await browser.newContext();
  try {
    // The cookie the host's first-load redirect would set, so the timed navigation is the app's own.
    const port = Number(new URL(origin).port);
    await context.addCookies([{ name: cookieName(port), value: token, url: `${origin}/api/`, httpOnly: true, sameSite: 'Strict' }]);
    const page = await context.newPage();
    await page.addInitScript(watchFor, selector);
    await page.goto(`${origin}/${hash}`, { waitUntil: 'commit' });
    return await page.evaluate(() => window.__minnesSeen ?? Promise.reject(new Error('watcher not installed')));
  } finally {
    await context.close();
  }
}

export type FirstPaint = { listMs: number; doc100Ms: number; runs: number };

/**
 * First paint in Chromium against the real browser host: the documents list's first row, and an
 * open 100-page document's text when its address is loaded directly. Medians of `runs` cold loads,
 * after one untimed load of each that warms the host (its first query, the OS file cache).
 */
export async function benchFirstPaint(runs = 7): Promise<FirstPaint> {
  const dir = mkdtempSync(join(tmpdir(), 'minnes-bench-'));
  const dbPath = join(dir, 'first-paint.sqlite');
  const id = await seedLongDocument(dbPath);
  const host = await startHost(dbPath);
  const token = new URL(host.url).searchParams.get('token') ?? '';
  const browser = await launchChromium();
  try {
    const list: number[] = [];
    const doc: number[] = [];
    for (let i = 0; i <= runs; i++) {
      // Alternated, so drift in a noisy machine's load falls on both alike.
      const l = await timeLoad(browser, host.origin, token, '#/', LIST_ROW);
      const d = await timeLoad(browser, host.origin, token, `#/doc/${id}`, EDITOR_TEXT);
      if (i > 0) {
        list.push(l);
        doc.push(d);
      }
    }
    return { listMs: median(list), doc100Ms: median(doc), runs };
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
