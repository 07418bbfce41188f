import { expect, test } from '../support/fixtures';
import { newDocument } from '../support/new-document';

test('a backup taken from the app restores the minutes as they were', async ({ page, host }) => {
  await page.goto(host.url);
  await newDocument(page, { date: '2026-06-09' });
  await page.getByRole('button', { name: '← Alla dokument' }).click();

  await page.getByRole('button', { name: 'Säkerhetskopior…' }).click();
  await page.getByRole('button', { name: 'Säkerhetskopiera nu' }).click();
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('skapades');
  // The whole-file check, which no longer runs at every open, on request (in the host's worker).
  await page.getByRole('button', { name: 'Kontrollera databasen' }).click();
  await expect(page.getByText(/Databasen är hel \(kontrollerad \d\d:\d\d\)\./)).toBeVisible();
  await page.getByRole('button', { name: 'Stäng' }).click();

  const row = page.getByRole('table', { name: 'Dokument' }).locator('tbody tr[data-id]');
  await row.getByRole('button', { name: 'Släng' }).click();
  await expect(page.getByText('Inga dokument ännu')).toBeVisible();

  await page.getByRole('button', { name: 'Säkerhetskopior…' }).click();
  await page
    .getByRole('list', { name: 'Säkerhetskopior' })
    .getByRole('listitem')
    .filter({ hasText: 'manuell' })
    .getByRole('button', { name: 'Återställ' })
    .click();
  await page.getByRole('button', { name: 'Återställ från säkerhetskopia' }).click();
  await expect(page.getByRole('table', { name: 'Dokument' }).locator('tbody tr[data-id]')).toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Dokument' })).toContainText('den 9 juni 2026');
});
