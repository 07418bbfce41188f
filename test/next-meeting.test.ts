import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SectionContent } from '../src/shared/content';
import { importIntoStore } from '../src/main/core/import-document';
import { nextMeeting } from '../src/main/core/next-meeting';
import { openStore } from '../src/main/core/store';
import { walkJson, type JsonNode } from '../src/shared/lexical/walk';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const SECTIONED = readFileSync(join(__dirname, 'fixtures', 'samrad-sections.md'));

function items(section: SectionContent | undefined): string[] {
  const out: string[] = [];
  if (!section) return out;
  walkJson(section.state.root as unknown as JsonNode, (n) => {
    if (n.type === 'listitem') {
      const texts: string[] = [];
      walkJson(n, (c) => void (c.type === 'text' && typeof c.text === 'string' && texts.push(c.text)));
      if (texts.length) out.push(texts.join(''));
    }
  });
  return out;
}

describe('next meeting of a series', () => {
  it('carries the organisations and background, starts the takeaways fresh, and follows the new date', async () => {
    const db = openStore(join(tmp(), 'm.sqlite'));
    const prev = await importIntoStore(db, SECTIONED, 'samrad.md', { series: 'Integration 2026' });
    const byKey = (d: typeof prev, k: string) => d.content.sections.find((s) => s.key === k);
    expect(items(byKey(prev, 'medskick'))).toHaveLength(14);

    const next = nextMeeting(db, prev.id, { date: '2026-11-12' });
    expect(next.title).toBe('Minnesanteckningar från samråd mellan civilsamhället och Arbetsmarknadsdepartementet den 12 november 2026');
    expect(next.metadata).toMatchObject({
      date: '2026-11-12',
      department: 'Arbetsmarknadsdepartementet',
      unit: 'Enheten för integration och arbetet mot utanförskap',
      series: 'Integration 2026',
      theme: '',
      dnr: '',
      title: '',
    });
    expect(items(byKey(next, 'deltagande-organisationer'))).toEqual(items(byKey(prev, 'deltagande-organisationer')));
    expect(items(byKey(next, 'deltagande-organisationer'))).toHaveLength(8);
    expect(JSON.stringify(byKey(next, 'bakgrund')?.state)).toContain('årscykel');
    // Fresh sections never hold last meeting's text.
    for (const key of ['presentation', 'gruppdiskussioner', 'tematiska-grupper', 'medskick']) {
      const prevText = JSON.stringify(byKey(prev, key)?.state);
      const nextText = JSON.stringify(byKey(next, key)?.state);
      expect(nextText, key).not.toBe(prevText);
    }
    expect(items(byKey(next, 'medskick')).join(' ')).not.toContain('Långsiktighet');
    expect(JSON.stringify(byKey(next, 'presentation')?.state)).not.toContain('Lindgren');
    expect(next.status).toBe('utkast');
    db.close();
  });

  it('needs a template when the previous minutes had none', async () => {
    const db = openStore(join(tmp(), 'm.sqlite'));
    const free = await importIntoStore(db, readFileSync(join(__dirname, 'fixtures', 'samrad-2026-06-09.txt')), 'seed.txt');
    expect(() => nextMeeting(db, free.id, { date: '2026-11-12' })).toThrow(/ingen mall/);
    const next = nextMeeting(db, free.id, { date: '2026-11-12', templateKey: 'samrad' });
    expect(next.metadata.department).toBe('Arbetsmarknadsdepartementet');
    db.close();
  });
});
