import { join } from 'node:path';
import { catalogues } from '../../src/shared/i18n/catalogue';
import { expectAccessible } from '../support/axe';
import { expect, test } from '../support/fixtures';
import { docxText } from '../support/docx';

const en = catalogues.en;

/**
 * English is the second UI language: every word of the app follows the switch, the choice is kept
 * in the store, and the minutes stay Swedish — on screen (marked lang="sv") and in the DOCX.
 */
test('the UI in English: the switch is kept, host errors are English, the minutes stay Swedish', async ({ page, host }, info) => {
  await page.goto(host.url);
  await expect(page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Dokument' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  const nav = page.getByRole('navigation', { name: 'Views' });
  await expect(nav.getByRole('button', { name: 'Documents' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Annual cycles' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText(en['documents.list.empty'])).toBeVisible();

  // Kept in the store: a reload (a new start of the app) comes back in English.
  await page.reload();
  await expect(page.getByRole('button', { name: 'New document…' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Svenska' })).toHaveAttribute('lang', 'sv');
  await expectAccessible(page, 'documents list in English', info);

  await page.getByRole('button', { name: 'New document…' }).click();
  const dialog = page.getByRole('dialog', { name: en['documents.new.title'] });
  await dialog.getByLabel(en['documents.new.date']).fill('2026-06-09');
  await dialog.getByRole('button', { name: en['documents.new.create'] }).click();

  // The document's own words are Swedish, and say so to a screen reader.
  const inledning = page.getByRole('textbox', { name: 'Section: Inledning' });
  await expect(inledning).toBeVisible();
  await expect(inledning).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('region', { name: 'Medskick', exact: true })).toBeVisible();
  await expect(page.getByTestId('doc-title')).toHaveText(/den 9 juni 2026$/);
  const facts = page.getByRole('form', { name: 'Meeting details' });
  await expect(facts.getByLabel('Date', { exact: true })).toHaveValue('9 June 2026');

  // A refusal made by the host reaches the user in English, field names included.
  await page.getByRole('button', { name: en['document.export.docx'] }).click();
  await expect(page.getByRole('alert')).toContainText('Cannot export');
  await expect(page.getByRole('alert')).toContainText('{{tema}} (fill in Theme)');
  await expectAccessible(page, 'editor in English', info);

  for (const [label, value] of [
    ['Ministry', 'Arbetsmarknadsdepartementet'],
    ['Host/chair', 'Adam Alfredsson'],
    ['Theme', 'Demokrati'],
    ['Place', 'Rosenbad'],
  ] as const)
    await facts.getByLabel(label, { exact: true }).fill(value);
  await expect(page.getByRole('note', { name: en['document.missing.label'] })).toHaveCount(0);
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: en['document.export.docx'] }).click()]);
  const path = join(host.dir, 'english-ui.docx');
  await docx.saveAs(path);
  const text = docxText(path);
  // The ministry's format, in Swedish: the title and the template's sentences with their variables filled.
  expect(text).toContain('Minnesanteckningar från samråd mellan civilsamhället och Arbetsmarknadsdepartementet den 9 juni 2026');
  expect(text).toContain('Den 9 juni 2026 bjöd Adam Alfredsson in civilsamhällesorganisationer till samråd på temat Demokrati.');
  expect(text).not.toMatch(/\b(Section|Minutes|Meeting details|June|Theme)\b/);

  // And back: the other language is always named in itself.
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.getByRole('button', { name: 'Exportera DOCX' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Avsnitt: Inledning' })).toBeVisible();
});
