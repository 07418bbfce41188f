import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { ROOT } from '../support/host';

/** The seed minutes split into the Samråd template's sections, open in the editor. */
async function importSeed(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Importera…' }).click();
  await page.getByLabel('Fil (.md, .txt eller .docx)').setInputFiles(join(ROOT, 'test/fixtures/samrad-2026-06-09.txt'));
  await page.getByRole('dialog').getByLabel('Mall').selectOption({ label: 'Samråd med civilsamhället' });
  await page.getByRole('dialog').getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByTestId('doc-title')).toHaveText(/den 9 juni 2026$/);
}

const editor = (page: Page, heading: string) => page.getByRole('textbox', { name: `Avsnitt: ${heading}`, exact: true });
/** CSS.highlights as a Map: the node typings (DOM without DOM.Iterable) leave out its maplike methods. */
type Highlights = ReadonlyMap<string, ReadonlySet<AbstractRange>>;
const highlighted = (page: Page, name: string) => page.evaluate((n) => (CSS.highlights as unknown as Highlights).get(n)?.size ?? 0, name);
/** The section the current hit is in, and whether it is inside the window. */
const currentHit = (page: Page) =>
  page.evaluate(() => {
    const range = [...((CSS.highlights as unknown as Highlights).get('minnes-sok-aktuell') ?? [])][0];
    if (!(range instanceof Range)) return null;
    const r = range.getBoundingClientRect();
    return {
      text: range.toString(),
      section: range.startContainer.parentElement?.closest('section')?.getAttribute('aria-label') ?? null,
      inView: r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight,
    };
  });

// "civilsamhället" in the seed's sections: Deltagande organisationer 1, Presentation 1,
// Gruppdiskussioner 2 (one of them in "civilsamhällets"), Medskick 3 (one "Civilsamhället"), Avslutning 1.
const WITH_WORD = ['Deltagande organisationer', 'Presentation', 'Gruppdiskussioner', 'Medskick', 'Avslutning'];

test('find and replace across the sections of the open document', async ({ page, host }) => {
  await importSeed(page, host.url);
  await editor(page, 'Inledning').click();
  await page.keyboard.press('Control+F');
  const bar = page.getByRole('search', { name: 'Sök och ersätt' });
  const find = bar.getByRole('searchbox', { name: 'Sök', exact: true });
  const count = bar.getByTestId('find-count');
  await expect(find).toBeFocused();
  // Ctrl+F in a document finds in it, not in all minutes.
  await expect(page.getByRole('searchbox', { name: 'Sök i alla minnesanteckningar' })).not.toBeFocused();
  await expect(bar.getByLabel('Ersätt med')).toHaveCount(0);

  await find.fill('civilsamhället');
  await expect(count).toHaveText('1 av 8');
  expect(await highlighted(page, 'minnes-sok')).toBe(8);
  expect(await currentHit(page)).toMatchObject({ text: 'civilsamhället', section: 'Deltagande organisationer', inView: true });

  await bar.getByRole('button', { name: 'Nästa', exact: true }).click();
  await expect(count).toHaveText('2 av 8');
  expect(await currentHit(page)).toMatchObject({ section: 'Presentation', inView: true });
  await find.press('Enter');
  await expect(count).toHaveText('3 av 8');
  expect(await currentHit(page)).toMatchObject({ section: 'Gruppdiskussioner', inView: true });
  for (let i = 0; i < 3; i++) await find.press('Enter');
  await expect(count).toHaveText('6 av 8');
  expect(await currentHit(page)).toMatchObject({ text: 'Civilsamhället', section: 'Medskick', inView: true });
  await find.press('Enter');
  await find.press('Enter');
  await expect(count).toHaveText('8 av 8');
  expect(await currentHit(page)).toMatchObject({ section: 'Avslutning', inView: true });
  await find.press('Enter');
  await expect(count).toHaveText('1 av 8');
  await bar.getByRole('button', { name: 'Föregående' }).click();
  await expect(count).toHaveText('8 av 8');

  await bar.getByLabel('Matcha skiftläge').check();
  await expect(count).toHaveText(/ av 7$/);
  await bar.getByLabel('Hela ord').check();
  await expect(count).toHaveText(/ av 6$/);
  expect(await highlighted(page, 'minnes-sok')).toBe(6);
  await bar.getByLabel('Matcha skiftläge').uncheck();
  await expect(count).toHaveText(/ av 7$/);
  await bar.getByLabel('Hela ord').uncheck();
  await expect(count).toHaveText('1 av 8');

  // Escape closes the bar and goes back to the text, on the hit, with the highlights gone.
  await find.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(editor(page, 'Deltagande organisationer')).toBeFocused();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('civilsamhället');
  expect(await highlighted(page, 'minnes-sok')).toBe(0);

  const bold = await page.getByRole('article', { name: 'Dokument' }).locator('.ed-bold').count();
  await page.keyboard.press('Control+H');
  await expect(find).toBeFocused();
  await expect(find).toHaveValue('civilsamhället');
  await find.fill('civilsamhället');
  await expect(count).toHaveText('1 av 8');
  await bar.getByLabel('Ersätt med').fill('det civila samhället');
  await bar.getByRole('button', { name: 'Ersätt', exact: true }).click();
  await expect(count).toHaveText('1 av 7');
  await expect(editor(page, 'Deltagande organisationer')).toContainText('representerar det civila samhället i dialogen');
  expect(await currentHit(page)).toMatchObject({ section: 'Presentation' });

  await bar.getByRole('button', { name: 'Ersätt alla' }).click();
  await expect(bar).toContainText('Ersatte 7 träffar i 4 avsnitt.');
  await expect(count).toHaveText('Inga träffar');
  for (const heading of WITH_WORD) {
    await expect(editor(page, heading)).not.toContainText(/civilsamhället/i);
    await expect(editor(page, heading)).toContainText('det civila samhället');
  }
  await expect(editor(page, 'Gruppdiskussioner')).toContainText('Vilka är det civila samhällets viktigaste lärdomar');
  // The replacement takes the formatting of the text it stands in; the bold key phrases stay bold.
  await expect(editor(page, 'Medskick')).toContainText('det civila samhället skapar tillgång till nya arenor');
  await expect(page.getByRole('article', { name: 'Dokument' }).locator('.ed-bold')).toHaveCount(bold);
  await expect(page.getByRole('status')).toHaveText('Sparat');

  // Each section's replacements are one step back in that section's own history.
  await editor(page, 'Avslutning').click();
  await page.keyboard.press('Control+Z');
  await expect(editor(page, 'Avslutning')).toContainText('tackade civilsamhället för deras viktiga arbete');
  await expect(editor(page, 'Medskick')).not.toContainText(/civilsamhället/i);
  await expect(count).toHaveText('1 av 1');

  await find.press('Escape');
  await expect(bar).toHaveCount(0);
});

test('the global search opens the document on the first hit, highlighted and in view', async ({ page, host }) => {
  await importSeed(page, host.url);
  await page.getByRole('button', { name: '← Alla dokument' }).click();
  const global = page.getByRole('searchbox', { name: 'Sök i alla minnesanteckningar' });
  // With no document open, Ctrl+F still goes to the search across all minutes.
  await page.keyboard.press('Control+F');
  await expect(global).toBeFocused();
  await global.blur();
  await page.keyboard.press('Control+K');
  await expect(global).toBeFocused();
  await global.fill('valdeltagande');
  await expect(page.getByRole('listbox', { name: 'Sökträffar' }).getByRole('option')).toHaveCount(1);
  await global.press('Enter');

  const bar = page.getByRole('search', { name: 'Sök och ersätt' });
  await expect(bar.getByRole('searchbox', { name: 'Sök', exact: true })).toHaveValue('valdeltagande');
  // Presentation 2, Medskick 2 ("valdeltagandet" among them); the first is below the page's first screen.
  await expect(bar.getByTestId('find-count')).toHaveText('1 av 4');
  await expect.poll(() => highlighted(page, 'minnes-sok')).toBe(4);
  await expect.poll(() => currentHit(page)).toMatchObject({ text: 'valdeltagande', section: 'Presentation', inView: true });
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  // The query was for opening only: the address is the document's own again, and a reload opens it plainly.
  expect(new URL(page.url()).hash).toMatch(/^#\/doc\/[A-Za-z0-9_-]+$/);

  // From inside the document, Ctrl+Shift+F goes to the global search; the same word again reopens find.
  await bar.getByRole('searchbox', { name: 'Sök', exact: true }).press('Escape');
  await expect(bar).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press('Control+Shift+F');
  await expect(global).toBeFocused();
  await global.fill('valdeltagande');
  await expect(page.getByRole('listbox', { name: 'Sökträffar' }).getByRole('option')).toHaveCount(1);
  await global.press('Enter');
  await expect(bar.getByTestId('find-count')).toHaveText('1 av 4');
  await expect.poll(() => currentHit(page)).toMatchObject({ section: 'Presentation', inView: true });
  await page.reload();
  await expect(page.getByTestId('doc-title')).toHaveText(/den 9 juni 2026$/);
  await expect(bar).toHaveCount(0);
});

test('replace leaves read-only sections as they are and says so', async ({ page, host }) => {
  await importSeed(page, host.url);
  await page.getByRole('button', { name: 'Skicka på granskning' }).click();
  await page.getByRole('button', { name: 'Justera…' }).click();
  await page.getByRole('dialog').getByLabel('Justerad av').fill('Karin Berg');
  await page.getByRole('dialog').getByRole('button', { name: 'Justera' }).click();
  await expect(page.locator('.doc-bar .status')).toHaveText('Justerad');

  await page.keyboard.press('Control+H');
  const bar = page.getByRole('search', { name: 'Sök och ersätt' });
  await bar.getByRole('searchbox', { name: 'Sök', exact: true }).fill('Samrådet');
  await expect(bar.getByTestId('find-count')).toHaveText('1 av 4');
  await bar.getByLabel('Ersätt med').fill('Mötet');
  await bar.getByRole('button', { name: 'Ersätt', exact: true }).click();
  await expect(bar).toContainText('Avsnittet ”Inledning” går inte att ändra');
  await bar.getByRole('button', { name: 'Ersätt alla' }).click();
  await expect(bar).toContainText('Inget ersattes. 4 träffar i skrivskyddade avsnitt');
  await expect(bar.getByTestId('find-count')).toHaveText(/ av 4$/);
  await expect(editor(page, 'Avslutning')).toContainText('Samrådet summerades');
});
