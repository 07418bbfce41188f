import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDocument, saveDocument } from '../src/main/core/document-store';
import { importIntoStore } from '../src/main/core/import-document';
import { openStore } from '../src/main/core/store';
import { generateMinutesMarkdown, HUNDRED_PAGES } from './generate';
import { percentile, timeRuns } from './stats';

export type AutosaveFigures = { median: number; p95: number; bytes: number };

/** One autosave of a 100-page document in the core: validate-free write of metadata + JSON + search text. */
export async function benchAutosave(pages = HUNDRED_PAGES, runs = 40): Promise<AutosaveFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'minnes-bench-'));
  try {
    const db = openStore(join(dir, 'bench.sqlite'));
    const doc = await importIntoStore(db, Buffer.from(generateMinutesMarkdown(pages)), 'lang.md');
    const full = loadDocument(db, doc.id);
    let n = 0;
    const times = await timeRuns(runs, () => {
      n++;
      saveDocument(db, doc.id, { metadata: { ...full.metadata, theme: `Tema ${n}` }, content: full.content });
    });
    db.close();
    return { median: percentile(times, 50), p95: percentile(times, 95), bytes: JSON.stringify(full.content).length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
