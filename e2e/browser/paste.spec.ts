import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { ROOT } from '../support/host';
import { newDocument } from '../support/new-document';

async function newSamrad(page: Page, url: string) {
  await page.goto(url);
  await newDocument(page);
  const presentation = page.getByRole('textbox', { name: 'Avsnitt: Presentation' });
  await presentation.click();
  return presentation;
}

/** Dispatches a real paste event with the clipboard contents a user's Word or browser would give. */
async function paste(page: Page, data: Record<string, string>) {
  await page.evaluate((d) => {
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(d)) dt.setData(type, value);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:Calibri}</style></head><body>
<h2 style="color:#2F5496;font-family:Calibri Light">Presentation av kunskapsöversikten</h2>
<p class=MsoNormal><span style="font-size:14pt;color:red;font-family:Comic Sans MS">Karl-Oskar Lindgren presenterade <i>Insatser för ökat valdeltagande</i> och <b>skillnader i valdeltagande</b>.</span></p>
<p class=MsoListParagraphCxSpFirst style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>Första punkten</p>
<p class=MsoListParagraphCxSpMiddle style="mso-list:l0 level2 lfo1"><span style="mso-list:Ignore">o<span>&nbsp;</span></span>Underpunkt</p>
<p class=MsoListParagraphCxSpLast style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;</span></span>Andra punkten med <b>fetstil</b></p>
<table><tr><td>Cell med text</td></tr></table>
<img src="http://example.invalid/x.png"><a href="http://example.invalid">länktext</a>
</body></html>`;

test('pasting from Word keeps headings, lists, bold and italic and drops fonts, colours and images', async ({ page, host }) => {
  const editor = await newSamrad(page, host.url);
  await paste(page, { 'text/html': WORD_HTML, 'text/plain': 'fallback' });
  await expect(editor.locator('h2')).toHaveText('Presentation av kunskapsöversikten');
  await expect(editor.locator('.ed-italic')).toHaveText('Insatser för ökat valdeltagande');
  await expect(editor.locator('.ed-bold').first()).toHaveText('skillnader i valdeltagande');
  await expect(editor.locator('ul > li').filter({ hasText: 'Första punkten' })).toHaveCount(1);
  await expect(editor.locator('ul ul li')).toHaveText('Underpunkt');
  await expect(editor).toContainText('Cell med text');
  await expect(editor).toContainText('länktext');
  await expect(editor).not.toContainText('fallback');
  expect(await editor.locator('[style*="color"], [style*="font-size"], [style*="font-family"], img').count()).toBe(0);
  // Links are kept, but only as web or e-mail addresses.
  for (const href of await editor.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
    expect(href).toMatch(/^(https?:\/\/|mailto:)/);
  }
});

/** What Word 365 on Windows puts on the clipboard for a heading, a bulleted and two numbered lists. */
const WORD_LISTS = readFileSync(join(ROOT, 'test/fixtures/word-clipboard-lists.html'), 'utf8');

/** The section's blocks in order, as tag names: what a reader sees as heading, paragraph, list. */
const blocks = (editor: Locator) => editor.evaluate((el) => Array.from(el.children, (c) => c.tagName.toLowerCase()));

async function expectWordLists(editor: Locator) {
  expect(await blocks(editor)).toEqual(['h2', 'p', 'ul', 'ol', 'h3', 'ol']);
  await expect(editor.locator('h2')).toHaveText('Gruppdiskussioner');
  await expect(editor.locator(':scope > ul > li').first()).toHaveText('Långsiktighet i finansieringen');
  await expect(editor.locator(':scope > ul ul li')).toHaveText('Fleråriga bidrag');
  await expect(editor.locator(':scope > ol').first().locator(':scope > li:not(:has(ol))')).toHaveText([
    'Hur når vi fler unga väljare?',
    'Vilka arenor saknas lokalt?',
  ]);
  await expect(editor.locator(':scope > ol ol li')).toHaveText('I skolan');
  await expect(editor.locator('h3')).toHaveText('Fortsatta frågor');
  await expect(editor.locator(':scope > ol').last()).toHaveAttribute('start', '3');
  await expect(editor.locator(':scope > ol').last()).toHaveText('Hur följer vi upp medskicken?');
  // The typed-out markers are gone: the lists draw their own.
  await expect(editor).not.toContainText('·');
  await expect(editor).not.toContainText('1.');
}

test('a Word paste keeps numbered and bulleted lists apart, with their nesting and start number, after a reload', async ({
  page,
  host,
}) => {
  const editor = await newSamrad(page, host.url);
  await paste(page, { 'text/html': WORD_LISTS, 'text/plain': 'fallback' });
  await expectWordLists(editor);
  await expect(page.getByRole('status')).toHaveText('Sparat');
  await page.reload();
  await expectWordLists(page.getByRole('textbox', { name: 'Avsnitt: Presentation' }));
});

test('a heading and a numbered list pasted into a bulleted list stay a heading and a numbered list', async ({ page, host }) => {
  const editor = await newSamrad(page, host.url);
  await page.getByRole('button', { name: 'Punktlista' }).click();
  await page.keyboard.type('Befintlig punkt');
  await page.keyboard.press('Enter');
  const heading = `<h2>Nästa del<o:p></o:p></h2>`;
  const numbered = `<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Första frågan<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Andra frågan<o:p></o:p></p>`;
  // In the empty bullet the Enter left: the heading takes the bullet's place.
  await paste(page, { 'text/html': `<html><body><!--StartFragment-->${heading}${numbered}<!--EndFragment--></body></html>` });
  expect(await blocks(editor)).toEqual(['ul', 'h2', 'ol']);
  await expect(editor.locator('ul > li')).toHaveText(['Befintlig punkt']);
  await expect(editor.locator('h2')).toHaveText('Nästa del');
  await expect(editor.locator('ol > li')).toHaveText(['Första frågan', 'Andra frågan']);

  // Right after a bullet's text, a numbered list is still numbered.
  await editor.locator('ul > li').click();
  await page.keyboard.press('End');
  await paste(page, { 'text/html': `<html><body>${numbered.replace(/frågan/g, 'punkten')}</body></html>` });
  expect(await blocks(editor)).toEqual(['ul', 'ol', 'h2', 'ol']);
  await expect(editor.locator(':scope > ol').first().locator('li')).toHaveText(['Första punkten', 'Andra punkten']);
});

test('typing, bold, italic, undo and redo work from the keyboard', async ({ page, host }) => {
  const editor = await newSamrad(page, host.url);
  await page.keyboard.type('Inledande ord ');
  await page.keyboard.press('Control+I');
  await page.keyboard.type('kursivt');
  await page.keyboard.press('Control+I');
  await expect(editor.locator('.ed-italic')).toHaveText('kursivt');
  await page.waitForTimeout(400); // a pause ends one undo step
  await page.keyboard.type(' sista');
  await page.keyboard.press('Control+Z');
  await expect(editor).not.toContainText('sista');
  await page.keyboard.press('Control+Shift+Z');
  await expect(editor).toContainText('kursivt sista');
});

test('a 1 MB paste keeps the editor responsive and loses nothing', async ({ page, host }) => {
  const editor = await newSamrad(page, host.url);
  const paragraph = 'Civilsamhället lyfte vikten av långsiktighet, återkoppling och lokala arenor för demokratiskt deltagande. ';
  const lines = Array.from({ length: 1000 }, (_, i) => `${i + 1}. ${paragraph.repeat(10)}`);
  const text = lines.join('\n');
  expect(text.length).toBeGreaterThan(1_000_000);
  await paste(page, { 'text/plain': text });
  await expect(editor).toContainText('1000. Civilsamhället');
  // Still responsive: typing lands right away.
  await page.keyboard.type(' Slut.');
  await expect(editor).toContainText('Slut.');
  await expect(page.getByRole('status')).toHaveText('Sparat', { timeout: 20_000 });
  await page.reload();
  const reloaded = page.getByRole('textbox', { name: 'Avsnitt: Presentation' });
  await expect(reloaded).toContainText('1000. Civilsamhället');
  await expect(reloaded).toContainText('Slut.');
  const stored = await reloaded.evaluate((el) => el.textContent?.length ?? 0);
  expect(stored).toBeGreaterThan(1_000_000);
});
