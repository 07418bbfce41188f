import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';

// Keyboard only: no click, hover or fill below; every step is a key press, as for someone who
// cannot use a mouse.

/** Presses `key` until `target` has focus; fails after `max` presses. Returns how many it took. */
async function pressUntilFocused(page: Page, target: Locator, key = 'Tab', max = 40): Promise<number> {
  for (let n = 0; n <= max; n++) {
    if (await target.evaluate((el) => el === document.activeElement)) return n;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} × ${max} never reached ${target.toString()}`);
}

/** Presses `key` until focus is somewhere inside `container`. */
async function pressUntilWithin(page: Page, container: Locator, key: string, max = 40): Promise<number> {
  for (let n = 0; n <= max; n++) {
    if (await container.evaluate((el) => el.contains(document.activeElement))) return n;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} × ${max} never reached ${container.toString()}`);
}

const focused = (page: Page) => page.locator('*:focus');

/** Control+End in a section, then waits until the caret is really there (the editor reads it from selectionchange). */
async function toEndOf(page: Page, editor: Locator) {
  await page.keyboard.press('Control+End');
  await expect
    .poll(() =>
      editor.evaluate((root) => {
        const sel = document.getSelection();
        if (!sel?.focusNode || !root.contains(sel.focusNode)) return 'outside';
        const rest = document.createRange();
        rest.setStart(sel.focusNode, sel.focusOffset);
        rest.setEnd(root, root.childNodes.length);
        return rest.toString() === '' ? 'at end' : 'before the end';
      }),
    )
    .toBe('at end');
}

/** From the meeting facts' first field (Datum): the date and what the Samråd title and text need. */
async function typeMeetingFacts(page: Page) {
  const form = page.getByRole('form', { name: 'Mötesuppgifter' });
  const date = form.getByLabel('Datum');
  await expect(date).toBeFocused();
  // A Swedish date field, whatever the browser's locale: typed as one writes it, shown in words after.
  await page.keyboard.type('9/6 2026');
  await expect(date).toHaveValue('9/6 2026');
  for (const [label, value] of [
    ['Departement', 'Arbetsmarknadsdepartementet'],
    ['Värd/ordförande', 'Adam Alfredsson'],
    ['Tema', 'Demokratisk integration'],
  ] as const) {
    await pressUntilFocused(page, form.getByLabel(label, { exact: true }));
    await page.keyboard.type(value);
  }
  await expect(page.getByRole('note', { name: 'Variabler utan värde' })).toHaveCount(0);
}

async function newSamradDocument(page: Page, url: string) {
  await page.goto(url);
  await pressUntilFocused(page, page.getByRole('button', { name: 'Nytt dokument…' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Nytt dokument' });
  await expect(dialog.getByRole('radio', { name: /Samråd med civilsamhället/ })).toBeChecked();
  await pressUntilFocused(page, dialog.getByRole('button', { name: 'Skapa' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Avsnitt: Medskick' })).toBeVisible();
}

test('keyboard only: a new document, a bullet in Medskick from the toolbar, Tab indents, find and replace across sections, the date, then DOCX', async ({
  page,
  host,
}) => {
  await newSamradDocument(page, host.url);
  const toolbar = page.getByRole('toolbar', { name: /^Formaterar/ });

  // F6 goes round the regions: toolbar, sections, meeting facts, document actions.
  await page.keyboard.press('F6');
  await expect(toolbar).toBeFocused(); // nothing to format yet: the toolbar itself, which says so
  await expect(toolbar).toHaveAccessibleName('Formaterar: inget avsnitt – gå till ett avsnitt först');
  await page.keyboard.press('F6');
  await expect(page.getByRole('textbox', { name: 'Avsnitt: Inledning' })).toBeFocused();

  // Down to Medskick: two Tab stops per section (its commands, its text), not one per button.
  const medskick = page.getByRole('textbox', { name: 'Avsnitt: Medskick' });
  const tabs = await pressUntilFocused(page, medskick);
  expect(tabs).toBeLessThanOrEqual(12);
  await toEndOf(page, medskick);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Stöd till föreningarna');

  // Shift+F6 back to the toolbar, which names the section it will format, and → to Punktlista.
  await page.keyboard.press('Shift+F6');
  await expect(toolbar).toHaveAccessibleName('Formaterar: Medskick');
  await expect(toolbar.getByText('Formaterar: Medskick')).toBeVisible();
  await pressUntilFocused(page, toolbar.getByRole('button', { name: 'Punktlista' }), 'ArrowRight', 12);
  await page.keyboard.press('Enter');
  const region = page.getByRole('region', { name: 'Medskick', exact: true });
  await expect(region.locator('ul > li')).toHaveText(['Stöd till föreningarna']);
  await expect(page.getByRole('region', { name: 'Inledning', exact: true }).locator('li')).toHaveCount(0);
  // The command gave focus back to the text, where it was.
  await expect(medskick).toBeFocused();

  // Tab in a list item indents it (Shift+Tab outdents); Escape then Tab leaves the section.
  await page.keyboard.press('Enter');
  await page.keyboard.type('Långsiktiga bidrag');
  await page.keyboard.press('Tab');
  await expect(medskick).toBeFocused();
  await expect(region.locator('ul ul li')).toHaveText(['Långsiktiga bidrag']);
  await page.keyboard.press('Shift+Tab');
  await expect(region.locator('ul ul li')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(region.locator('ul ul li')).toHaveText(['Långsiktiga bidrag']);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(medskick).not.toBeFocused();
  await expect(page.getByRole('toolbar', { name: 'Avsnittskommandon för Avslutning' })).toContainText('Byt rubrik');
  await expect(focused(page)).toHaveAccessibleName(/Skriv ut rubrik|Flytta upp Avslutning/);

  // Ctrl+H: find a word in every section and replace it everywhere, then Escape back to the text.
  await page.keyboard.press('Control+h');
  const findBar = page.getByRole('search', { name: 'Sök och ersätt' });
  await expect(findBar.getByLabel('Sök', { exact: true })).toBeFocused();
  await page.keyboard.type('civilsamhället');
  await expect(findBar).toContainText('1 av 3');
  await pressUntilFocused(page, findBar.getByLabel('Ersätt med'));
  await page.keyboard.type('det civila samhället');
  await pressUntilFocused(page, findBar.getByRole('button', { name: 'Ersätt alla' }));
  await page.keyboard.press('Enter');
  await expect(medskick).toContainText('lyfte det civila samhället bl.a.');
  await expect(page.getByRole('textbox', { name: 'Avsnitt: Avslutning' })).toContainText('tackade det civila samhället');
  await expect(page.getByRole('textbox', { name: 'Avsnitt: Deltagande organisationer' })).toContainText(
    'representerar det civila samhället',
  );
  await page.keyboard.press('Escape');
  await expect(findBar).toBeHidden();
  // Nothing left to find: focus goes back to where it was when Ctrl+H was pressed.
  await expect(focused(page)).toHaveAccessibleName(/Skriv ut rubrik|Flytta upp Avslutning/);

  // F6 to the meeting facts: the date is the first field.
  await page.keyboard.press('F6');
  await typeMeetingFacts(page);
  await expect(page.getByTestId('doc-title')).toHaveText(/Arbetsmarknadsdepartementet den 9 juni 2026$/);

  // F6 to the document's actions, Tab to Exportera DOCX, Enter: the file downloads.
  await page.keyboard.press('F6');
  await expect(page.getByRole('button', { name: '← Alla dokument' })).toBeFocused();
  await pressUntilFocused(page, page.getByRole('button', { name: 'Exportera DOCX' }));
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  await expect(page.getByRole('status', { name: 'Exportresultat' })).toContainText('har laddats ned');

  // And round again: F6 from the actions is the toolbar, on the control last used there.
  await page.keyboard.press('F6');
  await expect(toolbar.getByRole('button', { name: 'Punktlista' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(medskick).toBeFocused();

  // Infoga variabel is a menu: arrows move through the names without inserting; Enter inserts one.
  await page.keyboard.press('Shift+F6'); // back to the toolbar from the sections
  await page.keyboard.press('End');
  await expect(toolbar.getByRole('button', { name: 'Infoga variabel…' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Variabler' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const chips = region.locator('[data-variable]');
  await expect(chips).toHaveCount(0);
  const name = (await focused(page).textContent())!.replace(/[{}]/g, '');
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(medskick).toBeFocused();
  await expect(chips).toHaveCount(1);
  await expect(chips.first()).toHaveAttribute('data-variable', name);
});

test('Shift+Tab from Presentation reaches the toolbar in a few presses, and the toolbar formats Presentation', async ({ page, host }) => {
  await newSamradDocument(page, host.url);
  await page.keyboard.press('F6');
  await page.keyboard.press('F6');
  const presentation = page.getByRole('textbox', { name: 'Avsnitt: Presentation' });
  await pressUntilFocused(page, presentation);
  await toEndOf(page, presentation);
  await page.keyboard.type(' Tre punkter.');
  const toolbar = page.getByRole('toolbar', { name: /^Formaterar/ });
  // Back past Deltagande organisationer, Bakgrund and Inledning: passing through them changes nothing.
  const presses = await pressUntilWithin(page, toolbar, 'Shift+Tab', 12);
  // (was 28): the sections' text and command groups, and the one stop of the missing-variable chips.
  expect(presses).toBeLessThanOrEqual(9);
  await expect(toolbar).toHaveAccessibleName('Formaterar: Presentation');
  await pressUntilFocused(page, toolbar.getByRole('button', { name: 'Numrerad lista' }), 'ArrowRight', 12);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Presentation', exact: true }).locator('ol > li')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Inledning', exact: true }).locator('ol')).toHaveCount(0);
  await expect(presentation).toBeFocused();
});

test('Escape closes a dialog and the preview and returns focus to what opened them; Ctrl+P prints the PDF', async ({ page, host }) => {
  // Headless Chromium has no printer, and printing its PDF viewer can crash the page: each frame's
  // print() (the preview's too) only counts the calls here.
  await page.addInitScript(() => {
    window.print = () => {
      (window as unknown as { printCalls: number }).printCalls = ((window as unknown as { printCalls?: number }).printCalls ?? 0) + 1;
    };
  });
  await newSamradDocument(page, host.url);
  for (let i = 0; i < 3; i++) await page.keyboard.press('F6'); // toolbar, sections, meeting facts
  await typeMeetingFacts(page);
  await page.keyboard.press('F6'); // the document's actions
  const history = page.getByRole('button', { name: 'Historik' });
  await pressUntilFocused(page, history);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Historik' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(history).toBeFocused();

  const preview = page.getByRole('button', { name: 'Förhandsgranska' });
  await pressUntilFocused(page, preview);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Förhandsgranskning' });
  await expect(dialog.getByRole('button', { name: 'Stäng' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(preview).toBeFocused();

  // A section's commands: Byt rubrik opens its dialog, Escape comes back to the button.
  await page.keyboard.press('F6'); // the toolbar
  await page.keyboard.press('F6'); // the sections
  const commands = page.getByRole('toolbar', { name: 'Avsnittskommandon för Bakgrund' });
  await pressUntilFocused(page, commands.getByRole('checkbox', { name: 'Skriv ut rubrik' }));
  const rename = commands.getByRole('button', { name: 'Byt rubrik' });
  await pressUntilFocused(page, rename, 'ArrowRight', 6);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Byt rubrik' }).getByLabel('Rubrik')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(rename).toBeFocused();

  // Ctrl+P: the PDF is made, shown and sent to print from the preview (not the editor's screen).
  await page.keyboard.press('Control+P');
  const frame = page.getByTitle('Förhandsgranskning av PDF');
  await expect(frame).toHaveAttribute('data-printed', '1', { timeout: 20_000 });
  // The preview's own window was asked to print, not the app's.
  expect(await frame.evaluate((f) => (f as HTMLIFrameElement & { contentWindow: { printCalls?: number } }).contentWindow.printCalls)).toBe(
    1,
  );
  expect(await page.evaluate(() => (window as unknown as { printCalls?: number }).printCalls)).toBeUndefined();
  await expect(frame).toHaveAttribute('data-type', 'application/pdf');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(rename).toBeFocused();
});
