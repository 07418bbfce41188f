import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { ROOT } from '../support/host';

// The Klarspråk hints are advice beside the text: they never block writing and follow what is typed.
test('Klarspråk shows LIX and hints per section, follows the text, and closes with Escape', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Importera…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importera minnesanteckningar' });
  await dialog.getByLabel('Fil (.md, .txt eller .docx)').setInputFiles(join(ROOT, 'test/fixtures/samrad-2026-06-09.txt'));
  await dialog.getByLabel('Mall').selectOption({ label: 'Samråd med civilsamhället' });
  await dialog.getByRole('button', { name: 'Importera' }).click();
  const medskick = page.getByRole('textbox', { name: 'Avsnitt: Medskick' });
  await expect(medskick).toBeVisible();

  await page.getByRole('button', { name: 'Klarspråk' }).click();
  const panel = page.getByRole('complementary', { name: 'Klarspråk' });
  await expect(panel).toContainText(/LIX \d+,\d/);
  await expect(panel).toContainText('ägde rum');
  await expect(panel).not.toContainText('erhålla');

  // Typing goes on while the panel is open, and the panel follows the new text.
  await medskick.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Kommunen ska erhålla stöd.');
  await expect(medskick).toContainText('Kommunen ska erhålla stöd.');
  await expect(panel).toContainText('erhålla');

  await panel.getByRole('button', { name: 'Stäng' }).focus();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
});
