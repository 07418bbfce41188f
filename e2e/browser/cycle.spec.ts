import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { ROOT } from '../support/host';

test('"Nästa möte" carries the organisations but not the takeaways, and search finds the seed', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Importera…' }).click();
  await page.getByLabel('Fil (.md, .txt eller .docx)').setInputFiles(join(ROOT, 'test/fixtures/samrad-sections.md'));
  await page.getByRole('dialog').getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByTestId('doc-title')).toHaveText(/den 9 juni 2026$/);
  const seedUrl = page.url();
  await expect(page.getByRole('region', { name: 'Medskick', exact: true }).locator('li')).toHaveCount(14);

  await page.getByRole('button', { name: 'Nästa möte…' }).click();
  await page.getByRole('dialog').getByLabel('Datum för nästa möte').fill('2026-11-12');
  await page.getByRole('dialog').getByRole('button', { name: 'Skapa utkast' }).click();
  await expect(page.getByTestId('doc-title')).toHaveText(
    'Minnesanteckningar från samråd mellan civilsamhället och Arbetsmarknadsdepartementet den 12 november 2026',
  );
  expect(page.url()).not.toBe(seedUrl);
  const orgs = page.getByRole('region', { name: 'Deltagande organisationer', exact: true }).locator('li');
  await expect(orgs).toHaveCount(8);
  await expect(orgs.first()).toHaveText('Hej Främling');
  const takeaways = page.getByRole('region', { name: 'Medskick', exact: true });
  await expect(takeaways).not.toContainText('Långsiktighet');
  await expect(takeaways.locator('.ed-bold')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Presentation', exact: true })).not.toContainText('Lindgren');

  const search = page.getByRole('searchbox', { name: 'Sök i alla minnesanteckningar' });
  await page.keyboard.press('Control+K');
  await expect(search).toBeFocused();
  await search.fill('projekttrött');
  const results = page.getByRole('listbox', { name: 'Sökträffar' });
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option').first()).toContainText('den 9 juni 2026');
  await expect(results.locator('mark').first()).toHaveText(/projekttrött/i);
  await search.press('Enter');
  await expect(page.getByTestId('doc-title')).toHaveText(/den 9 juni 2026$/);

  await search.fill('"NEAR(( -*');
  await expect(results).toContainText('Inga träffar.');
});
