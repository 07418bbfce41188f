import { cli } from '../support/cli';
import { expect, test } from '../support/fixtures';

test('the key leaves the address on the first load, lives in an HttpOnly cookie, and the app still works', async ({
  page,
  host,
  browser,
}) => {
  const made = cli(['new', '--template', 'samrad', '--date', '2026-06-09', '--db', host.dbPath]);
  expect(made.code).toBe(0);

  await page.goto(host.url);
  const rows = page.getByRole('table', { name: 'Dokument' }).locator('tbody tr[data-id]');
  await expect(rows).toHaveCount(1);
  expect(page.url()).toBe(`${host.origin}/`);
  expect(page.url()).not.toContain('token');
  expect(await page.evaluate(() => window.location.href)).not.toContain('token');

  // The page's own scripts cannot read the key.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  const cookies = await page.context().cookies(host.origin + '/api/');
  expect(cookies).toEqual([expect.objectContaining({ httpOnly: true, sameSite: 'Strict', path: '/api/' })]);

  // The cookie carries on: a reload, a new document, a reopened list.
  await page.reload();
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Nytt dokument…' }).click();
  await page.getByRole('button', { name: 'Skapa' }).click();
  await page.getByRole('button', { name: '← Alla dokument' }).click();
  await expect(rows).toHaveCount(2);

  // A browser that never had the printed address gets the page but no data.
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  await other.goto(host.origin + '/');
  const status = await other.evaluate(async () => (await fetch('/api/listDocuments', { method: 'POST', body: '{}' })).status);
  expect(status).toBe(401);
  await stranger.close();
});

test('a printed address with a document fragment opens that document, without the key', async ({ page, host }) => {
  const id = cli(['new', '--template', 'samrad', '--date', '2026-06-09', '--db', host.dbPath]).stdout.trim();
  await page.goto(`${host.url}#/doc/${id}`);
  await expect(page.getByRole('button', { name: '← Alla dokument' })).toBeVisible();
  expect(page.url()).toBe(`${host.origin}/#/doc/${id}`);
});
