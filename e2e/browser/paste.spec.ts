import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';

async function newSamrad(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Nytt dokument…' }).click();
  await page.getByRole('button', { name: 'Skapa' }).click();
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
  expect(await editor.locator('[style*="color"], [style*="font-size"], [style*="font-family"], img, a').count()).toBe(0);
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
