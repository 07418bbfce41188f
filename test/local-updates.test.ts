import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createFromTemplate } from '../src/main/core/new-document';
import { openStore } from '../src/main/core/store';
import { appendUpdate, compactSection, markSent, sectionState, unsentUpdates } from '../src/main/core/sync/local-updates';
import { useTmpDir } from './support/tmp';

/** A shared section's Yjs updates in the real local SQLite, with real Yjs documents on both ends. */

const tmp = useTmpDir();

function setup() {
  const file = join(tmp(), 'm.sqlite');
  const db = openStore(file);
  const doc = createFromTemplate(db, 'samrad', { date: '2026-06-09', theme: 'Delat' });
  return { file, db, ref: { documentId: doc.id, sectionKey: 'medskick' } };
}

/** An editor's Y.Doc whose every local change is stored, as the shared editor's autosave will. */
function editor(store: (u: Uint8Array) => void) {
  const doc = new Y.Doc();
  doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && store(u));
  const text = doc.get('root', Y.XmlText);
  return { doc, type: (s: string) => text.insert(text.length, s), text: () => text.toString() };
}

const textOf = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.get('root', Y.XmlText).toString();
};

describe('local Yjs updates of a shared section', () => {
  it('keeps every offline keystroke across a close and reopen, and knows what is still unsent', () => {
    const { file, db, ref } = setup();
    const e = editor((u) => appendUpdate(db, ref, u));
    for (const ch of 'Medskick från gruppen.') e.type(ch);
    db.close();

    const again = openStore(file);
    expect(textOf(sectionState(again, ref))).toBe('Medskick från gruppen.');
    const pending = unsentUpdates(again, ref);
    expect(pending).toHaveLength('Medskick från gruppen.'.length);
    // The server has the first ten; the rest go on the next reconnect.
    markSent(
      again,
      pending.slice(0, 10).map((p) => p.id),
    );
    expect(unsentUpdates(again, ref)).toHaveLength(pending.length - 10);
    again.close();
  });

  it('merges what another person wrote while this one was offline, in any order', () => {
    const { db, ref } = setup();
    const mine = editor((u) => appendUpdate(db, ref, u));
    mine.type('Min text. ');
    const theirs = new Y.Doc();
    theirs.get('root', Y.XmlText).insert(0, 'Deras text. ');
    appendUpdate(db, ref, Y.encodeStateAsUpdate(theirs), { sent: true });
    const merged = textOf(sectionState(db, ref));
    expect(merged).toContain('Min text. ');
    expect(merged).toContain('Deras text. ');
    db.close();
  });

  it('compaction folds the acknowledged updates into one and leaves the unsent ones as they are', () => {
    const { db, ref } = setup();
    const e = editor((u) => appendUpdate(db, ref, u));
    for (const ch of 'Bekräftat av servern. ') e.type(ch);
    markSent(
      db,
      unsentUpdates(db, ref).map((p) => p.id),
    );
    for (const ch of 'Ännu inte skickat.') e.type(ch);
    const unsent = unsentUpdates(db, ref);
    compactSection(db, ref);
    const rows = db.prepare('SELECT sent, count(*) AS n FROM section_updates GROUP BY sent ORDER BY sent').all();
    expect(rows).toEqual([
      { sent: 0, n: unsent.length },
      { sent: 1, n: 1 },
    ]);
    expect(unsentUpdates(db, ref)).toEqual(unsent);
    expect(textOf(sectionState(db, ref))).toBe(e.text());
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('refuses a malformed or oversized update with a message, and stores nothing', () => {
    const { db, ref } = setup();
    expect(() => appendUpdate(db, ref, new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02]))).toThrow(/trasig synkdata/);
    expect(() => appendUpdate(db, ref, new Uint8Array(8 * 1024 * 1024 + 1))).toThrow(/för stor/);
    expect(db.prepare('SELECT count(*) FROM section_updates').pluck().get()).toBe(0);
    db.close();
  });
});
