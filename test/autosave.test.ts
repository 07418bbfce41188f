import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Autosaver } from '../src/shared/autosaver';
import { openStore } from '../src/main/core/store';
import { createFromTemplate } from '../src/main/core/new-document';
import { loadDocument, saveDocument } from '../src/main/core/document-store';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();

/** Manual clock: timers fire only when the test says so. */
function manualTimers() {
  let next: { fn: () => void; at: number } | null = null;
  let now = 0;
  return {
    setTimer: (fn: () => void, ms: number) => (next = { fn, at: now + ms }),
    clearTimer: () => (next = null),
    advance: (ms: number) => {
      now += ms;
      if (next && next.at <= now) {
        const { fn } = next;
        next = null;
        fn();
      }
    },
  };
}

describe('autosave', () => {
  it('writes once after typing stops, not once per keystroke', async () => {
    const clock = manualTimers();
    let writes = 0;
    const saver = new Autosaver({ save: async () => void writes++, delayMs: 500, ...clock });
    for (let i = 0; i < 40; i++) {
      saver.schedule();
      clock.advance(100);
    }
    expect(writes).toBe(0);
    clock.advance(500);
    await saver.flush();
    expect(writes).toBe(1);
  });

  it('flushes on close: the last edit is in the real database before the window goes', async () => {
    const db = openStore(join(tmp(), 'm.sqlite'));
    const doc = createFromTemplate(db, 'samrad');
    let theme = '';
    const clock = manualTimers();
    const saver = new Autosaver({
      save: async () => void saveDocument(db, doc.id, { metadata: { ...doc.metadata, theme } }),
      delayMs: 500,
      ...clock,
    });
    theme = 'Demokratisk integration';
    saver.schedule();
    expect(saver.hasUnsaved).toBe(true);
    await saver.flush(); // what the window does on close, before the timer fires
    expect(loadDocument(db, doc.id).metadata.theme).toBe('Demokratisk integration');
    expect(saver.hasUnsaved).toBe(false);
    db.close();
  });

  it('keeps a change that failed to save and writes it on the next attempt', async () => {
    let fail = true;
    let writes = 0;
    const saver = new Autosaver({
      save: async () => {
        if (fail) throw new Error('disk full');
        writes++;
      },
      ...manualTimers(),
    });
    saver.schedule();
    await expect(saver.flush()).rejects.toThrow('disk full');
    expect(saver.state).toBe('error');
    expect(saver.hasUnsaved).toBe(true);
    fail = false;
    await saver.flush();
    expect(writes).toBe(1);
    expect(saver.state).toBe('saved');
  });

  it('writes a change made during a save right after it', async () => {
    let release: () => void = () => undefined;
    let writes = 0;
    const saver = new Autosaver({
      save: () =>
        new Promise<void>((r) => {
          writes++;
          release = r;
        }),
      ...manualTimers(),
    });
    saver.schedule();
    const flushed = saver.flush();
    saver.schedule(); // typed while the first write is under way
    release();
    await vi.waitFor(() => expect(writes).toBe(2));
    release();
    await flushed;
    expect(writes).toBe(2);
    expect(saver.hasUnsaved).toBe(false);
  });
});
