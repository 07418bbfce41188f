import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { ROOT } from '../support/host';

const SERIES = 'Samråd integration 2026';

test('a new version of approved minutes is one record: one row with "version 2", the meeting once in the year’s takeaways', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Importera…' }).click();
  await page.getByLabel('Fil (.md, .txt eller .docx)').setInputFiles(join(ROOT, 'test/fixtures/samrad-sections.md'));
  await page.getByRole('dialog').getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByTestId('doc-title')).toHaveText(/den 9 juni 2026$/);
  await page.getByLabel('Serie', { exact: true }).fill(SERIES);
  await page.getByLabel('Serie', { exact: true }).blur();
  await expect(page.getByRole('status')).toHaveText('Sparat');

  const bar = page.getByRole('group', { name: 'Arbetsflöde' });
  const approve = async () => {
    await bar.getByRole('button', { name: 'Skicka på granskning' }).click();
    await bar.getByRole('button', { name: 'Justera…' }).click();
    await page.getByRole('dialog').getByLabel('Justerad av').fill('Karin Åström');
    await page.getByRole('dialog').getByRole('button', { name: 'Justera' }).click();
    await expect(page.locator('.doc-bar .status')).toHaveText('Justerad');
  };
  await approve();
  const v1Url = page.url();

  await bar.getByRole('button', { name: 'Ny version' }).click();
  await expect(page.locator('.doc-bar .status')).toHaveText('Utkast');
  await expect(page.getByTestId('version-note')).toHaveText('Version 2 (utkast), ersätter justerad version 1');
  expect(page.url()).not.toBe(v1Url);
  const takeaways = page.getByRole('textbox', { name: 'Avsnitt: Medskick' });
  await takeaways.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Tillägg i version 2.');
  await expect(page.getByRole('status')).toHaveText('Sparat');

  await approve();
  await bar.getByRole('button', { name: 'Registrera…' }).click();
  const register = page.getByRole('dialog', { name: 'Registrera i diariet' });
  // The record's Dnr followed the new version from version 1.
  await expect(register.getByLabel('Diarienummer')).toHaveValue('A2026/01234');
  await register.getByRole('button', { name: 'Registrera' }).click();
  await expect(page.locator('.doc-bar .status')).toHaveText('Registrerad');
  await expect(page.getByTestId('version-note')).toHaveText('Version 2, ersätter version 1');
  // Only the latest version gets a next one; this is it.
  await expect(bar.getByRole('button', { name: 'Ny version' })).toBeVisible();

  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Diariepaket' }).click()]);
  expect(zip.suggestedFilename()).toMatch(/\.zip$/);

  await page.getByRole('button', { name: '← Alla dokument' }).click();
  const rows = page.getByRole('table', { name: 'Dokument' }).locator('tbody tr[data-id]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('version 2, ersätter version 1');
  await expect(rows.first()).toContainText('Registrerad');
  await expect(page.getByRole('rowgroup').getByText(`Serie: ${SERIES} (1)`)).toBeVisible();

  await page.getByRole('button', { name: 'Årscykel och medskick' }).click();
  await expect(page.getByRole('list', { name: 'Tidslinje' }).locator('li.held')).toHaveCount(1);
  const year = page.getByLabel('Medskick över året');
  await expect(year.locator('section')).toHaveCount(1);
  await expect(year.locator('section').first()).toContainText('Tillägg i version 2.');

  // Version 1 stays readable from the history, read-only, pointing to the version that replaced it.
  await year.locator('section h4 button').first().click();
  await page.getByRole('button', { name: 'Historik' }).click();
  const versions = page.getByRole('region', { name: 'Handlingens versioner' });
  await expect(versions.locator('li')).toHaveCount(2);
  await versions.getByRole('button', { name: 'Öppna version 1' }).click();
  expect(page.url()).toBe(v1Url);
  await expect(page.locator('.doc-bar .status')).toHaveText('Justerad');
  await expect(page.getByRole('alert').filter({ hasText: 'har ersatts av version 2' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Avsnitt: Medskick' })).toHaveAttribute('contenteditable', 'false');
  await expect(bar.getByRole('button', { name: 'Ny version' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Historik' }).click();
  await expect(page.getByRole('dialog').getByText(/Bara den senaste versionen kan få en ny version/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ny version från den här revisionen' })).toHaveCount(0);
});

test('restoring a revision of registered minutes is offered as a new version, and makes one that keeps the Dnr', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Importera…' }).click();
  await page.getByLabel('Fil (.md, .txt eller .docx)').setInputFiles(join(ROOT, 'test/fixtures/samrad-sections.md'));
  await page.getByRole('dialog').getByRole('button', { name: 'Importera' }).click();
  const bar = page.getByRole('group', { name: 'Arbetsflöde' });
  await bar.getByRole('button', { name: 'Skicka på granskning' }).click();
  await bar.getByRole('button', { name: 'Justera…' }).click();
  await page.getByRole('dialog').getByLabel('Justerad av').fill('K');
  await page.getByRole('dialog').getByRole('button', { name: 'Justera' }).click();
  await bar.getByRole('button', { name: 'Registrera…' }).click();
  await page.getByRole('dialog', { name: 'Registrera i diariet' }).getByRole('button', { name: 'Registrera' }).click();
  await expect(page.locator('.doc-bar .status')).toHaveText('Registrerad');

  await page.getByRole('button', { name: 'Historik' }).click();
  const dialog = page.getByRole('dialog', { name: 'Historik' });
  await expect(dialog.getByText(/skapar version 2, som ersätter version 1, med revisionens text och samma diarienummer/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Återställ' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Ny version från den här revisionen' }).last().click();
  await expect(page.locator('.doc-bar .status')).toHaveText('Utkast');
  await expect(page.getByTestId('version-note')).toHaveText('Version 2 (utkast), ersätter registrerad version 1');
  await expect(page.locator('aside.side').getByLabel('Dnr', { exact: true })).toHaveValue('A2026/01234');

  await page.getByRole('button', { name: '← Alla dokument' }).click();
  const rows = page.getByRole('table', { name: 'Dokument' }).locator('tbody tr[data-id]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Registrerad');
  await expect(rows.first().getByRole('button', { name: 'version 2 (utkast), ersätter registrerad version 1' })).toBeVisible();
});
