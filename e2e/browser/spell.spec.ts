import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { newDocument } from '../support/new-document';

const marked = (page: Page) =>
  page.evaluate(() => {
    const h = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get('minnes-stavning');
    return h ? [...h].map((r) => (r as Range).toString()) : null;
  });

// Hunspell (WebAssembly, dictionary-sv) on the host; marks drawn with the CSS Custom Highlight API, never stored.
test('spell-check marks misspellings, suggests corrections, learns words, and leaves the document untouched', async ({ page, host }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(host.url);
  await newDocument(page, { template: /Samråd med civilsamhället/ });
  await expect(page.getByRole('region', { name: 'Medskick', exact: true })).toBeVisible();
  await page.getByLabel('Departement').fill('Zwörkeldepartementet');
  const box = page.getByRole('textbox', { name: 'Avsnitt: Medskick' });
  await expect(box).toHaveAttribute('spellcheck', 'false');
  await box.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Vi hade ett sammråd med civilsamhällesorganisationer, bl.a. om anteckninagr och Zwörkeldepartementet. Slut');
  await expect.poll(() => marked(page), { timeout: 5000 }).toEqual(['sammråd', 'anteckninagr']);
  // Right-click on the first mark: the menu, focused on the best correction.
  const rect = await page.evaluate(() => {
    const h = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get('minnes-stavning')!;
    const r = [...h][0] as Range;
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  await page.mouse.click(rect.x, rect.y, { button: 'right' });
  const menu = page.getByRole('menu', { name: 'Stavning: sammråd' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'samråd', exact: true })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'samråd', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await page.mouse.click(rect.x, rect.y, { button: 'right' });
  await menu.getByRole('menuitem', { name: 'samråd', exact: true }).click();
  await expect(box).toContainText('Vi hade ett samråd med');
  await expect.poll(() => marked(page)).toEqual(['anteckninagr']);
  // From the keyboard: the caret in the word and Shift+F10.
  await box.click();
  await page.evaluate(() => {
    const h = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get('minnes-stavning')!;
    const r = [...h][0] as Range;
    const sel = window.getSelection()!;
    sel.collapse(r.startContainer, r.startOffset + 2);
  });
  await page.keyboard.press('Shift+F10');
  const menu2 = page.getByRole('menu', { name: 'Stavning: anteckninagr' });
  await expect(menu2).toBeVisible();
  await expect(menu2.getByRole('menuitem', { name: 'anteckningar', exact: true })).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await expect(menu2.getByRole('menuitem', { name: 'Lägg till i ordlistan' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => marked(page)).toEqual([]);
  const words = await page.evaluate(async () =>
    JSON.stringify(
      await (await fetch('/api/listPersonalWords', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json(),
    ),
  );
  expect(words).toContain('anteckninagr');
  // A word being typed is not marked until the caret leaves it.
  await box.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' ordfelx');
  await page.waitForTimeout(400);
  expect(await marked(page)).toEqual([]);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => marked(page)).toEqual(['ordfelx']);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' ');
  await expect.poll(() => marked(page)).toEqual(['ordfelx']);
  await expect(page.getByRole('status')).toHaveText('Sparat');
  const raw = await page.evaluate(async () => {
    const id = location.hash.split('/').pop();
    const r = await (
      await fetch('/api/getDocument', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id }) })
    ).json();
    return JSON.stringify(r);
  });
  expect(raw).not.toContain('stavning');
  expect(raw).toContain('ordfelx');
  // Ignorera: for this session, stored nowhere.
  const r2 = await page.evaluate(() => {
    const r = [...(CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get('minnes-stavning')!][0] as Range;
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  await page.mouse.click(r2.x, r2.y, { button: 'right' });
  const m3 = page.getByRole('menu', { name: 'Stavning: ordfelx' });
  await m3.getByRole('menuitem', { name: 'Ignorera' }).click();
  await expect.poll(() => marked(page)).toEqual([]);
  expect(errors).toEqual([]);
});
