import { cli } from '../support/cli';
import { expect, test } from '../support/fixtures';
import { newDocument } from '../support/new-document';

test('creates a document, keeps it across a reload, and the CLI sees it', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByText('Inga dokument ännu')).toBeVisible();
  await newDocument(page);
  await page.getByRole('button', { name: '← Alla dokument' }).click();
  const rows = page.getByRole('table', { name: 'Dokument' }).locator('tbody tr[data-id]');
  await expect(rows).toHaveCount(1);
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Minnesanteckningar från samråd');

  const listed = cli(['list', '--json', '--db', host.dbPath]);
  expect(listed.code).toBe(0);
  const docs = JSON.parse(listed.stdout) as Array<{ title: string }>;
  expect(docs.map((d) => d.title)).toEqual([expect.stringMatching(/^Minnesanteckningar från samråd/)]);
});
