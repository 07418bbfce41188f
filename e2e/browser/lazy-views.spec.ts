import { cli } from '../support/cli';
import { expect, test } from '../support/fixtures';

test('the list opens without the editor’s code; the editor, Historik, Mallar and Årscykler load on demand, also after a reload on their address', async ({
  page,
  host,
}) => {
  const made = cli(['new', '--template', 'samrad', '--date', '2026-06-09', '--db', host.dbPath]);
  expect(made.code).toBe(0);
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  const editorCode = () => scripts.filter((s) => /\/lexical-[\w-]+\.js$/.test(s));

  await page.goto(host.url);
  const rows = page.getByRole('table', { name: 'Dokument' }).locator('tbody tr[data-id]');
  await expect(rows).toHaveCount(1);
  expect(editorCode()).toEqual([]);

  await rows
    .first()
    .getByRole('button', { name: /den 9 juni 2026/ })
    .click();
  const editor = page.getByRole('textbox', { name: 'Avsnitt: Inledning' });
  await expect(editor).toBeVisible();
  expect(editorCode()).toHaveLength(1);

  const docUrl = page.url();
  await page.reload();
  await expect(editor).toBeVisible();
  expect(page.url()).toBe(docUrl);
  await page.getByRole('button', { name: 'Historik' }).click();
  await expect(page.getByRole('dialog', { name: 'Historik' })).toContainText('Inga sparade versioner ännu');

  for (const [hash, heading] of [
    ['#/templates', 'Mallar'],
    ['#/series', 'Årscykler'],
  ] as const) {
    await page.goto(`${host.origin}/${hash}`);
    await page.reload();
    await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
  }
});
