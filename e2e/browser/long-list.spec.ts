import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/main/core/store';
import { addManyDocuments } from '../../test/support/many-documents';
import { expect, test } from '../support/fixtures';
import { startHost, type Host } from '../support/host';

/** Years of minutes: the list shows a page, brings more as it scrolls, and never asks for all 50,000 rows. */

const DOCUMENTS = 50_000;
let dir = '';
let dbPath = '';
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'minnes-long-list-'));
  dbPath = join(dir, 'minnes.sqlite');
  const db = openStore(dbPath);
  addManyDocuments(db, DOCUMENTS);
  db.close();
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('50,000 documents: one page at first, the next on scrolling, and the rows sent stay in pages', async ({ page }) => {
  test.setTimeout(120_000);
  const host: Host = await startHost(dbPath);
  try {
    let rowsSent = 0;
    const channels = new Set<string>();
    page.on('response', async (r) => {
      const channel = new URL(r.url()).pathname.replace('/api/', '');
      if (!channel.startsWith('listDocument')) return;
      channels.add(channel);
      const body = (await r.json()) as { ok: boolean; value: unknown };
      if (body.ok) rowsSent += Array.isArray(body.value) ? body.value.length : (body.value as { items: unknown[] }).items.length;
    });
    await page.goto(host.url);
    const rows = page.getByRole('table', { name: 'Dokument' }).locator('tbody tr[data-id]');
    await expect(rows).toHaveCount(50);
    await expect(page.getByRole('status').filter({ hasText: 'dokument' })).toHaveText(`Visar 50 av ${DOCUMENTS} dokument.`);

    // Scrolling to the end brings the next page; so does the button, for the keyboard.
    await rows.last().scrollIntoViewIfNeeded();
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(100);
    const scrolled = await rows.count();
    await page.getByRole('button', { name: 'Visa fler' }).click();
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(scrolled + 50);
    await page.waitForTimeout(500); // let a page that is on its way arrive before counting
    const shownRows = await rows.count();
    expect(shownRows % 50).toBe(0);
    expect(shownRows).toBeLessThan(DOCUMENTS / 10);
    expect(rowsSent).toBe(shownRows); // every row sent is a row shown: nothing fetched twice or ahead

    // A filter runs in the store: the first page of one series and status, counted there.
    await page.evaluate(() => window.scrollTo(0, 0)); // else the end of the new list is in view and brings more
    await page.getByLabel('Status').selectOption({ label: 'Justerad' });
    await expect(rows).toHaveCount(50);
    await expect(page.getByRole('status').filter({ hasText: 'dokument' })).toHaveText(`Visar 50 av ${DOCUMENTS / 5} dokument.`);

    expect([...channels]).toEqual(['listDocumentPage']);
    expect(rowsSent).toBe(shownRows + 50);
  } finally {
    await host.stop();
  }
});
