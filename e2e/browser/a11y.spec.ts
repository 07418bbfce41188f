import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { expectAccessible } from '../support/axe';
import { ROOT } from '../support/host';

async function importSeed(page: Page, template = 'Samråd med civilsamhället') {
  await page.getByRole('button', { name: 'Importera…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importera minnesanteckningar' });
  await dialog.getByLabel('Fil (.md, .txt eller .docx)').setInputFiles(join(ROOT, 'test/fixtures/samrad-2026-06-09.txt'));
  await dialog.getByLabel('Mall').selectOption({ label: template });
  await dialog.getByRole('button', { name: 'Importera' }).click();
  const notices = page.getByRole('dialog', { name: 'Importerat' });
  const title = page.getByTestId('doc-title');
  await expect(notices.or(title)).toBeVisible();
  if (await notices.isVisible()) await notices.getByRole('button', { name: 'Öppna dokumentet' }).click();
  await expect(title).toHaveText(/den 9 juni 2026$/);
}

async function closeWithEscape(page: Page) {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('the documents list, its dialogs and the search', async ({ page, host }, info) => {
  await page.goto(host.url);
  await expect(page.getByText('Inga dokument ännu')).toBeVisible();
  await expectAccessible(page, 'documents list (empty)', info);

  await page.getByRole('button', { name: 'Nytt dokument…' }).click();
  await expect(page.getByRole('dialog', { name: 'Nytt dokument' }).getByRole('radio').first()).toBeVisible();
  await expectAccessible(page, 'Nytt dokument', info);
  await closeWithEscape(page);

  await page.getByRole('button', { name: 'Importera…' }).click();
  await expect(page.getByRole('dialog', { name: 'Importera minnesanteckningar' })).toBeVisible();
  await expectAccessible(page, 'Importera', info);
  await closeWithEscape(page);

  await importSeed(page);
  await page.getByRole('button', { name: '← Alla dokument' }).click();
  await expect(page.getByRole('table', { name: 'Dokument' })).toBeVisible();
  await expectAccessible(page, 'documents list', info);

  await page.getByRole('button', { name: 'Byt namn' }).click();
  await expect(page.getByRole('dialog', { name: 'Byt namn' })).toBeVisible();
  await expectAccessible(page, 'Byt namn', info);
  await closeWithEscape(page);

  await page.getByRole('button', { name: 'Säkerhetskopior…' }).click();
  const backups = page.getByRole('dialog', { name: 'Säkerhetskopior' });
  await backups.getByRole('button', { name: 'Säkerhetskopiera nu' }).click();
  await expect(backups.getByRole('status')).toContainText('skapades');
  await backups.getByRole('button', { name: 'Återställ' }).first().click();
  await expect(backups.getByRole('alertdialog', { name: 'Bekräfta återställning' })).toBeVisible();
  await expectAccessible(page, 'Säkerhetskopior', info);
  await closeWithEscape(page);

  await page.getByRole('button', { name: 'Logga in på teamserver…' }).click();
  await expect(page.getByRole('dialog', { name: 'Logga in på teamserver' })).toBeVisible();
  await expectAccessible(page, 'Logga in på teamserver', info);
  await closeWithEscape(page);

  await page.getByLabel('Visa papperskorgen').check();
  await expect(page.getByText('Papperskorgen är tom.')).toBeVisible();
  await expectAccessible(page, 'documents list (trash)', info);
  await page.getByLabel('Visa papperskorgen').uncheck();

  const search = page.getByRole('searchbox', { name: 'Sök i alla minnesanteckningar' });
  await search.fill('projekttrött');
  await expect(page.getByRole('listbox', { name: 'Sökträffar' }).getByRole('option')).toHaveCount(1);
  await expectAccessible(page, 'search results', info);
});

test('the editor with the seed, the meeting facts and every dialog it opens', async ({ page, host }, info) => {
  await page.goto(host.url);
  await importSeed(page);
  await expectAccessible(page, 'editor', info);

  // The meeting facts with the secrecy fields showing, and a section being edited (the toolbar names it).
  const secrecy = page.getByRole('form', { name: 'Mötesuppgifter' }).locator('select[name="secrecy"]');
  await secrecy.selectOption('sekretess');
  await expect(page.getByLabel('Sekretessgrund')).toBeVisible();
  await page.getByRole('textbox', { name: 'Avsnitt: Medskick' }).click();
  await expect(page.getByRole('toolbar', { name: 'Formaterar: Medskick' })).toBeVisible();
  await expectAccessible(page, 'meeting facts and toolbar', info);
  await secrecy.selectOption('offentlig');

  // The Klarspråk panel and the find bar, open beside the text.
  await page.getByRole('button', { name: 'Klarspråk' }).click();
  await expect(page.getByRole('complementary', { name: 'Klarspråk' })).toContainText('LIX');
  await page.keyboard.press('Control+h');
  await page.getByRole('search', { name: 'Sök och ersätt' }).getByLabel('Sök', { exact: true }).fill('civilsamhället');
  await expectAccessible(page, 'Klarspråk panel and find bar', info);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Klarspråk' }).click();

  await page.getByRole('textbox', { name: 'Avsnitt: Medskick' }).click();
  await page.getByRole('button', { name: 'Infoga variabel…' }).click();
  await expect(page.getByRole('menu', { name: 'Variabler' })).toBeVisible();
  await expectAccessible(page, 'Infoga variabel menu', info);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);

  const medskick = page.getByRole('region', { name: 'Medskick', exact: true });
  for (const [button, dialog] of [
    ['Byt rubrik', 'Byt rubrik'],
    ['+ Avsnitt', 'Nytt avsnitt'],
    ['Ta bort', 'Ta bort avsnitt'],
  ] as const) {
    await medskick.getByRole('button', { name: button, exact: true }).click();
    await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
    await expectAccessible(page, `section: ${dialog}`, info);
    await closeWithEscape(page);
  }

  await page.getByRole('button', { name: 'Spara version' }).click();
  await expect(page.getByRole('button', { name: 'Version sparad' })).toBeVisible();
  await page.getByRole('button', { name: 'Historik' }).click();
  const history = page.getByRole('dialog', { name: 'Historik' });
  await history.getByRole('checkbox').first().check();
  await history.getByRole('button', { name: 'Jämför med nuvarande' }).click();
  await expect(history.getByRole('region', { name: 'Skillnader' })).toBeVisible();
  await expectAccessible(page, 'Historik', info);
  await closeWithEscape(page);

  await page.getByRole('button', { name: 'Nästa möte…' }).click();
  await page.getByRole('dialog', { name: 'Nästa möte' }).getByLabel('Datum för nästa möte').fill('2026-11-12');
  await expectAccessible(page, 'Nästa möte', info);
  await closeWithEscape(page);

  await page.getByRole('button', { name: 'Spara som mall…' }).click();
  await expect(page.getByRole('dialog', { name: 'Spara som mall' })).toBeVisible();
  await expectAccessible(page, 'Spara som mall', info);
  await closeWithEscape(page);

  await page.getByRole('button', { name: 'Dela med teamet…' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'Dela med teamet', info);
  await closeWithEscape(page);

  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  await expect(page.getByTitle('Förhandsgranskning av PDF')).toHaveAttribute('src', /^blob:/);
  await expectAccessible(page, 'Förhandsgranskning', info);
  await closeWithEscape(page);

  const bar = page.getByRole('group', { name: 'Arbetsflöde' });
  await bar.getByRole('button', { name: 'Skicka på granskning' }).click();
  await bar.getByRole('button', { name: 'Justera…' }).click();
  await expect(page.getByRole('dialog', { name: 'Justera minnesanteckningarna' })).toBeVisible();
  await expectAccessible(page, 'Justera', info);
  await page.getByRole('dialog').getByLabel('Justerad av').fill('Karin Åström');
  await page.getByRole('dialog').getByRole('button', { name: 'Justera' }).click();
  await expect(page.locator('.doc-bar .status')).toHaveText('Justerad');
  await expect(page.getByRole('alert').filter({ hasText: 'Dokumentet är justerat och låst.' })).toBeVisible();
  await expectAccessible(page, 'editor (approved, locked)', info);

  await bar.getByRole('button', { name: 'Registrera…' }).click();
  const register = page.getByRole('dialog', { name: 'Registrera i diariet' });
  await register.getByLabel('Diarienummer').fill('A2026-1');
  await register.getByRole('radio', { name: 'Sekretess' }).check();
  await expect(register.getByText(/skrivs som A2026\/01234/)).toBeVisible();
  await expectAccessible(page, 'Registrera', info);
  await closeWithEscape(page);
});

test('the series and templates views', async ({ page, host }, info) => {
  await page.goto(host.url);
  await importSeed(page);
  await page.getByLabel('Serie', { exact: true }).fill('Integration 2026');
  await page.getByLabel('Serie', { exact: true }).blur();
  await expect(page.getByRole('status')).toHaveText('Sparat');
  await page.getByRole('button', { name: 'Spara som mall…' }).click();
  const asTemplate = page.getByRole('dialog', { name: 'Spara som mall' });
  await asTemplate.getByLabel('Nyckel (a–z, 0–9, bindestreck)').fill('integration');
  await asTemplate.getByRole('button', { name: 'Spara mall' }).click();
  await expect(asTemplate.getByRole('status')).toContainText('version 1');
  await expectAccessible(page, 'Spara som mall (saved)', info);
  await closeWithEscape(page);

  const views = page.getByRole('navigation', { name: 'Vyer' });
  await views.getByRole('button', { name: 'Årscykler' }).click();
  await expect(page.getByRole('button', { name: 'Integration 2026' })).toBeVisible();
  await expectAccessible(page, 'series list', info);
  await page.getByRole('button', { name: 'Ny serie…' }).click();
  await page.getByRole('form', { name: 'Serie' }).getByRole('button', { name: '+ Planerat möte' }).click();
  await expectAccessible(page, 'new series form', info);
  await page.getByRole('form', { name: 'Serie' }).getByRole('button', { name: 'Avbryt' }).click();
  await page.getByRole('button', { name: 'Integration 2026' }).click();
  await expect(page.getByRole('list', { name: 'Tidslinje' })).toBeVisible();
  await expect(page.getByText('Långsiktighet').first()).toBeVisible();
  await expectAccessible(page, 'one series (timeline and takeaways)', info);

  await views.getByRole('button', { name: 'Mallar' }).click();
  const list = page.getByRole('table', { name: 'Mallista' });
  await expect(list).toBeVisible();
  await expectAccessible(page, 'templates list', info);
  await list.getByRole('button', { name: 'Duplicera' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Duplicera mall' })).toBeVisible();
  await expectAccessible(page, 'Duplicera mall', info);
  await closeWithEscape(page);
  await list.getByRole('button', { name: 'Redigera' }).first().click();
  await expect(page.getByRole('form', { name: /^Redigera mallen/ })).toBeVisible();
  await expectAccessible(page, 'template editor', info);
});
