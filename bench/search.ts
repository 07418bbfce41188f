import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchDocuments } from '../src/main/core/search';
import { indexDocumentNow } from '../src/main/core/search-index';
import { openStore } from '../src/main/core/store';
import { findRoot } from './cli-cold';
import { mulberry32, zipfDraw } from './random-words';
import { percentile } from './stats';

export type SearchFigures = {
  docs: number;
  words: number;
  queries: number;
  p50: number;
  p95: number;
  /** A search right after an autosave of ordinary minutes (the save indexes in its own transaction). */
  afterSaveP95: number;
  medianHits: number;
  /** One rg process per query. */
  rg: { p50: number; p95: number } | null;
  /** One rg process over all the queries at once, divided by their number. */
  rgBatchPerQuery: number | null;
  rgError?: string;
};

// Function words on top, then the subject's own words, then compounds, then a long tail of
// rarer words: with Zipf frequencies, queries meet both doclists that span every minutes and rare ones.
const FUNCTION_WORDS =
  'och att det som en på är för med till av om i inte de har den ett var vi kan ska också men eller så från vid under mellan efter när hur där samt även'.split(
    ' ',
  );
const SUBJECT_WORDS =
  'civilsamhället regeringen samråd integration deltagande demokrati kommuner regioner föreningar långsiktighet återkoppling arenor utbildning arbetsmarknad bostadsområden jämställdhet förtroende närvaro information språkcaféer mentorskap studiebesök valdeltagande organisationer insatser finansiering projekt erfarenheter kunskap statssekreteraren departementet myndigheter uppföljning ärendet öppenhet år synpunkter dialog ansvar'.split(
    ' ',
  );
const STEMS =
  'demokrati integration arbets bostads förenings utbildnings språk kultur idrotts hälso jämställdhets miljö trygghets samverkans uppföljnings finansierings kommun region myndighets ungdoms'.split(
    ' ',
  );
const ENDINGS =
  'arbete frågor insatser stöd planer område politik projekt råd möte mål medel program nätverk satsningar perspektiv uppdrag rapport strategi stärkande'.split(
    ' ',
  );
const SYLLABLES = 'sam för en ing ut bild ning kom mun å ter kopp ling ar be te rå d ö pp en het sk ol lan stad berg vik mark'.split(' ');

function vocabulary(r: () => number, tail: number): string[] {
  const compounds = STEMS.flatMap((s) => ENDINGS.map((e) => s + e));
  const seen = new Set([...FUNCTION_WORDS, ...SUBJECT_WORDS, ...compounds]);
  const rare: string[] = [];
  while (rare.length < tail) {
    const n = 2 + Math.floor(r() * 3);
    const w = Array.from({ length: n }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join('');
    if (w.length >= 4 && !seen.has(w)) {
      rare.push(w);
      seen.add(w);
    }
  }
  return [...seen, ...rare];
}

const HEADINGS = ['Inledning', 'Bakgrund', 'Diskussion', 'Synpunkter från organisationerna', 'Fortsatt arbete', 'Avslutning'];

/** Plain text as contentPlainText stores it: headings and paragraphs on lines of their own; ~1–2 pages. */
function minutesText(r: () => number, word: () => string): { text: string; words: number } {
  const lines: string[] = [];
  let count = 0;
  const target = 450 + Math.floor(r() * 450);
  for (let s = 0; count < target; s++) {
    lines.push(HEADINGS[s % HEADINGS.length] ?? 'Avsnitt');
    for (let p = 0; p < 3 && count < target; p++) {
      const sentences: string[] = [];
      for (let k = 0; k < 4; k++) {
        const n = 8 + Math.floor(r() * 16);
        const ws = Array.from({ length: n }, word);
        count += n;
        const s0 = ws.join(' ');
        sentences.push(`${s0[0]?.toUpperCase()}${s0.slice(1)}.`);
      }
      lines.push(sentences.join(' '));
    }
  }
  return { text: lines.join('\n'), words: count };
}

/**
 * `docs` minutes inserted straight into the real schema in one transaction (the triggers fill the
 * index), with the same text as files for ripgrep. Generated once per size and kept under
 * node_modules/.cache/minnes-bench, since 50,000 take a few minutes.
 */
export function generatedStore(docs: number): { file: string; files: string; texts: string[]; words: number } {
  const dir = join(findRoot(), 'node_modules', '.cache', 'minnes-bench', `store-${docs}`);
  const file = join(dir, 'bench.sqlite');
  const files = join(dir, 'txt');
  const r = mulberry32(7);
  const vocab = vocabulary(r, 20_000);
  const word = zipfDraw(vocab, r);
  const topics = [...SUBJECT_WORDS, ...STEMS.flatMap((s) => ENDINGS.map((e) => s + e))];
  const topic = () => topics[Math.floor(r() * topics.length)] ?? 'samråd';
  const cached = existsSync(join(dir, 'done'));
  if (!cached) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(files, { recursive: true });
  }
  const db = cached ? null : openStore(file);
  const insert = db?.prepare(
    `INSERT INTO documents (id, record_id, version_no, title, meeting_date, status, metadata, plain_text, created_at, updated_at)
     VALUES (?, ?, 1, ?, ?, 'utkast', ?, ?, ?, ?)`,
  );
  const texts: string[] = [];
  let words = 0;
  const make = () => {
    for (let i = 0; i < docs; i++) {
      const date = `20${String(16 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const title = `Minnesanteckningar från samråd om ${topic()} och ${topic()} den ${date}`;
      const metadata = {
        department: 'Arbetsmarknadsdepartementet',
        unit: 'Enheten för integration',
        title,
        date,
        theme: `${topic()} ${topic()}`,
      };
      const body = minutesText(r, word);
      words += body.words;
      texts.push(body.text);
      if (!insert) continue;
      const id = `bench${String(i).padStart(6, '0')}`;
      const at = `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`;
      insert.run(id, id, title, date, JSON.stringify(metadata), body.text, at, at);
      // ripgrep gets what the index gets: title, metadata values and text.
      writeFileSync(join(files, `${id}.txt`), `${title}\n${Object.values(metadata).join(' ')}\n${body.text}\n`);
    }
  };
  if (db) {
    db.transaction(make)();
    db.close();
    writeFileSync(join(dir, 'done'), '');
  } else make(); // the same draws, for the queries
  return { file, files, texts, words };
}

/** Queries of 1–2 words of 4+ letters taken from random minutes: real words, common ones as often as users type them. */
function queries(texts: string[], n: number): string[][] {
  const r = mulberry32(11);
  return Array.from({ length: n }, () => {
    const text = texts[Math.floor(r() * texts.length)] ?? '';
    const ws = text.toLowerCase().match(/[\p{L}]{4,}/gu) ?? ['samråd'];
    const pick = () => ws[Math.floor(r() * ws.length)] ?? 'samråd';
    return r() < 0.5 ? [pick()] : [pick(), pick()];
  });
}

/**
 * One rg process per query, as a user without an index would run it. A two-word query passes both
 * words with -e (files with either word): rg then stops at the first match, so this is a lower bound for AND.
 */
function timeRipgrep(files: string, qs: string[][]): { times: number[]; error?: string } {
  const times: number[] = [];
  for (const q of qs) {
    const t0 = performance.now();
    const res = spawnSync('rg', ['-l', '-i', '-F', ...q.flatMap((w) => ['-e', w]), files], { maxBuffer: 64 * 1024 * 1024 });
    times.push(performance.now() - t0);
    if (res.error) return { times: [], error: `ripgrep not run: ${res.error.message}` };
  }
  return { times };
}

export async function benchSearch(docs = 10_000, nQueries = 200, rgQueries = 100): Promise<SearchFigures> {
  const { file, files, texts, words } = generatedStore(docs);
  const db = openStore(file);
  try {
    const qs = queries(texts, nQueries);
    for (const q of qs.slice(0, 10)) searchDocuments(db, q.join(' ')); // warm the page cache and statements
    const times: number[] = [];
    const hits: number[] = [];
    for (const q of qs) {
      const t0 = performance.now();
      hits.push(searchDocuments(db, q.join(' ')).length);
      times.push(performance.now() - t0);
    }
    const afterSave = firstSearchAfterAutosave(db, qs);
    timeRipgrep(files, qs.slice(0, 3)); // warm the file cache for rg as well
    const rg = timeRipgrep(files, qs.slice(0, rgQueries));
    const batch = ripgrepBatch(files, qs.slice(0, rgQueries));
    return {
      docs,
      words,
      queries: qs.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      afterSaveP95: percentile(afterSave, 95),
      medianHits: percentile(hits, 50),
      rg: rg.error ? null : { p50: percentile(rg.times, 50), p95: percentile(rg.times, 95) },
      rgBatchPerQuery: batch,
      ...(rg.error ? { rgError: rg.error } : {}),
    };
  } finally {
    db.close();
  }
}

/** An autosave of a generated document, then at once a search for a word just typed into it. */
function firstSearchAfterAutosave(db: ReturnType<typeof openStore>, qs: string[][]): number[] {
  const times: number[] = [];
  const row = db.prepare(`SELECT id, plain_text FROM documents WHERE id = 'bench000001'`).get() as { id: string; plain_text: string };
  const save = db.prepare(`UPDATE documents SET plain_text = ?, updated_at = ? WHERE id = ?`);
  for (let i = 0; i < 20; i++) {
    const typed = `${row.plain_text} ${qs[i]?.[0] ?? 'samråd'}`;
    // What saveDocument does for ordinary minutes: the write and its indexing in one transaction.
    db.transaction(() => {
      save.run(typed, new Date().toISOString(), row.id);
      indexDocumentNow(db, row.id);
    })();
    const t0 = performance.now();
    searchDocuments(db, qs[i]?.join(' ') ?? 'samråd');
    times.push(performance.now() - t0);
  }
  save.run(row.plain_text, '2026-01-01T00:00:01Z', row.id);
  indexDocumentNow(db, row.id);
  return times;
}

/** One rg process for a whole batch of queries (every word as a pattern, files with any): per query, amortised. */
function ripgrepBatch(files: string, qs: string[][]): number | null {
  const t0 = performance.now();
  const res = spawnSync('rg', ['-l', '-i', '-F', ...qs.flat().flatMap((w) => ['-e', w]), files], { maxBuffer: 256 * 1024 * 1024 });
  if (res.error) return null;
  return (performance.now() - t0) / qs.length;
}
