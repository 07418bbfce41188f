import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { ROOT } from '../support/host';
import { newDocument } from '../support/new-document';

test('minutes saved as a template start the next document with the organisations but no takeaways', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Importera…' }).click();
  await page.getByLabel('Fil (.md, .txt eller .docx)').setInputFiles(join(ROOT, 'test/fixtures/samrad-sections.md'));
  await page.getByRole('dialog').getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByTestId('doc-title')).toHaveText(/den 9 juni 2026$/);

  await page.getByRole('button', { name: 'Spara som mall…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Spara som mall' });
  await dialog.getByLabel('Namn').fill('Integrationssamråd');
  await dialog.getByLabel('Nyckel (a–z, 0–9, bindestreck)').fill('integration');
  await dialog.getByRole('button', { name: 'Spara mall' }).click();
  await expect(dialog.getByRole('status')).toContainText('version 1');
  await dialog.getByRole('button', { name: 'Stäng' }).click();

  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Mallar' }).click();
  await expect(page.getByRole('table', { name: 'Mallista' }).locator('tr[data-key="integration"]')).toContainText('Integrationssamråd');

  await newDocument(page, { template: /Integrationssamråd/, date: '2026-11-12' });
  await expect(page.getByTestId('doc-title')).toHaveText(/den 12 november 2026$/);
  await expect(page.getByRole('region', { name: 'Deltagande organisationer', exact: true }).locator('li')).toHaveCount(8);
  await expect(page.getByRole('region', { name: 'Medskick', exact: true })).not.toContainText('Långsiktighet');
  await expect(page.getByLabel('Departement')).toHaveValue('Arbetsmarknadsdepartementet');
});
