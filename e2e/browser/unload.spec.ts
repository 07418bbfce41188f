import { cli } from '../support/cli';
import { expect, test } from '../support/fixtures';
import { newDocument } from '../support/new-document';

test('edits typed just before a reload or close are saved on the way out', async ({ page, host }) => {
  await page.goto(host.url);
  await newDocument(page);
  const presentation = page.getByRole('textbox', { name: 'Avsnitt: Presentation' });
  await presentation.click();
  await page.keyboard.type('Skrivet precis före omladdning');
  // No wait for the debounced autosave: the reload itself must not lose the text.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Avsnitt: Presentation' })).toContainText('Skrivet precis före omladdning');

  await page.getByRole('textbox', { name: 'Avsnitt: Presentation' }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' och före stängning');
  const id = new URL(page.url()).hash.split('/').pop()!;
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(() => {
      const shown = cli(['show', id, '--json', '--db', host.dbPath]);
      return JSON.stringify(JSON.parse(shown.stdout).content);
    })
    .toContain('och före stängning');
});
