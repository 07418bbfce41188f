import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importIntoStore } from '../src/main/core/import-document';
import { searchDocuments } from '../src/main/core/search';
import { openStore } from '../src/main/core/store';
import { addManyDocuments } from './support/many-documents';
import { useTmpDir } from './support/tmp';

/** Search over many minutes that share a word: every hit gets its own snippet. */

const tmp = useTmpDir();
const md = (title: string, body: string) => Buffer.from(`---\ntitle: ${title}\ndate: 2026-03-01\n---\n\n${body}\n`);

describe('search at scale', () => {
  it('a title-only hit gets a snippet from its own title, not from another document that matched', async () => {
    const db = openStore(join(tmp(), 'm.sqlite'));
    addManyDocuments(db, 50); // every one says "integration" in its text
    const titled = await importIntoStore(db, md('Integration i fokus', 'Kort anteckning.'), 'x.md');
    const [hit] = searchDocuments(db, 'integration').filter((h) => h.id === titled.id);
    expect(hit?.snippet).toBe('Integration i fokus');
    expect(hit?.highlights).toEqual([[0, 11]]);
    db.close();
  });
});
