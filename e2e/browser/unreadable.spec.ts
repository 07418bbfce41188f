import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test } from '../support/fixtures';
import { newDocument } from '../support/new-document';

/** Content nested past SQLite's JSON limit, as an older version or another tool could have stored it. */
const DEEP = `{"format":"minnes/sections","version":1,"sections":[{"key":"s","heading":"Djup","printHeading":true,"guidance":"","carryOver":false,"state":{"root":{"type":"root","version":1,"children":${'['.repeat(1200)}${']'.repeat(1200)}}}}]}`;

test('a document that cannot be loaded says so, saves its stored JSON as a file and can be thrown away', async ({ page, host }) => {
  await page.goto(host.url);
  await newDocument(page);
  await page.getByRole('button', { name: '← Alla dokument' }).click();
  const rows = page.getByRole('table', { name: 'Dokument' }).locator('tbody tr[data-id]');
  await expect(rows).toHaveCount(1);

  // Written around the app, while it runs (WAL lets both connections in).
  const db = new Database(host.dbPath);
  db.prepare('UPDATE documents SET content = ?').run(DEEP);
  db.close();

  await rows
    .first()
    .getByRole('button', { name: /^Minnesanteckningar/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Dokumentet kan inte visas' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('för djupt nästlat');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Spara som rå JSON' }).click();
  const file = await (await download).path();
  expect(readFileSync(file, 'utf8')).toBe(DEEP);

  await page.getByRole('button', { name: 'Släng dokumentet' }).click();
  await expect(page.getByText('Inga dokument ännu')).toBeVisible();
});
