import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { expect, test } from '../support/fixtures';
import { ROOT } from '../support/host';
import { newDocument } from '../support/new-document';

test('draft → review → approved (read-only) → registered with a Dnr, and the register package appears', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Importera…' }).click();
  await page.getByLabel('Fil (.md, .txt eller .docx)').setInputFiles(join(ROOT, 'test/fixtures/samrad-2026-06-09.txt'));
  await page.getByRole('dialog').getByRole('button', { name: 'Importera' }).click();
  const bar = page.getByRole('group', { name: 'Arbetsflöde' });

  await bar.getByRole('button', { name: 'Skicka på granskning' }).click();
  await expect(page.locator('.doc-bar .status')).toHaveText('Granskning');
  // Edits are still allowed under review.
  const intro = page.getByRole('textbox', { name: 'Avsnitt: Innehåll' });
  await expect(intro).toHaveAttribute('contenteditable', 'true');

  await bar.getByRole('button', { name: 'Justera…' }).click();
  await page.getByRole('dialog').getByLabel('Justerad av').fill('Karin Åström');
  await page.getByRole('dialog').getByRole('button', { name: 'Justera' }).click();
  await expect(page.locator('.doc-bar .status')).toHaveText('Justerad');
  await expect(bar.getByLabel('Låst')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Avsnitt: Innehåll' })).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByRole('alert').filter({ hasText: 'låst' })).toBeVisible();
  await expect(page.getByLabel('Tema', { exact: true })).toHaveAttribute('readonly', '');

  await bar.getByRole('button', { name: 'Registrera…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Registrera i diariet' });
  const dnr = dialog.getByLabel('Diarienummer');
  await dnr.fill('A2026-1234');
  await expect(dialog.getByText(/skrivs som A2026\/01234/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Registrera' })).toBeDisabled();
  await dnr.fill('A2026/01234');
  await expect(dialog.getByRole('button', { name: 'Registrera' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Registrera' }).click();
  await expect(page.locator('.doc-bar .status')).toHaveText('Registrerad');

  // The package's layout is tested in test/register-*.test.ts; here: a zip with files in it downloads.
  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Diariepaket' }).click()]);
  expect(zip.suggestedFilename()).toMatch(/\.zip$/);
  const path = join(host.dir, 'package.zip');
  await zip.saveAs(path);
  expect(Object.keys(unzipSync(readFileSync(path))).length).toBeGreaterThan(0);

  await page.reload();
  await expect(page.locator('.doc-bar .status')).toHaveText('Registrerad');
  await page.getByRole('button', { name: 'Historik' }).click();
  await expect(page.getByRole('list', { name: 'Revisioner' }).locator('li')).toHaveCount(3);
});

test('a new version of approved minutes is an editable draft', async ({ page, host }) => {
  await page.goto(host.url);
  await newDocument(page);
  const bar = page.getByRole('group', { name: 'Arbetsflöde' });
  await bar.getByRole('button', { name: 'Skicka på granskning' }).click();
  await bar.getByRole('button', { name: 'Justera…' }).click();
  await page.getByRole('dialog').getByLabel('Justerad av').fill('K');
  await page.getByRole('dialog').getByRole('button', { name: 'Justera' }).click();
  await bar.getByRole('button', { name: 'Ny version' }).click();
  await expect(page.locator('.doc-bar .status')).toHaveText('Utkast');
  await expect(page.getByRole('textbox', { name: 'Avsnitt: Medskick' })).toHaveAttribute('contenteditable', 'true');
});
