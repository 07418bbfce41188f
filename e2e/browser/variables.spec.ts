import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { newDocument } from '../support/new-document';

test('{{name}} typed in a section becomes a chip, and an empty or unknown one blocks export by name', async ({ page, host }) => {
  await page.goto(host.url);
  await newDocument(page, { template: /Fritt format/ });
  const section = page.getByRole('textbox', { name: 'Avsnitt: Innehåll' });
  await section.click();
  await page.keyboard.type('Samrådet hade temat {{tema}} och fortsatte.');

  // A chip, not text: it shows the field is empty, and typing went on after it.
  const tema = section.locator('[data-variable="tema"]');
  await expect(tema).toHaveText('{{tema}}');
  await expect(tema).toHaveClass(/chip-missing/);
  await expect(section).toHaveText('Samrådet hade temat {{tema}} och fortsatte.');
  await expect(page.getByRole('note', { name: 'Variabler utan värde' })).toContainText('{{tema}} – fyll i Tema');
  await page.getByRole('button', { name: 'Exportera PDF' }).click();
  await expect(page.getByRole('alert')).toHaveText('Kan inte exportera: variabeln {{tema}} (fyll i Tema) saknar värde.');

  await page.getByLabel('Tema', { exact: true }).fill('Demokratisk integration');
  await expect(tema).toHaveText('Demokratisk integration');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera PDF' }).click()]);
  const pdfPath = join(host.dir, 'tema.pdf');
  await pdf.saveAs(pdfPath);
  const printed = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
  expect(printed).toContain('Samrådet hade temat Demokratisk integration och fortsatte.');
  expect(printed).not.toContain('{{');

  await section.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Se {{finnsinte}}.');
  const unknown = section.locator('[data-variable="finnsinte"]');
  await expect(unknown).toHaveText('Okänd variabel {{finnsinte}}');
  await expect(unknown).toHaveClass(/chip-unknown/);
  await expect(page.getByRole('note', { name: 'Variabler utan värde' })).toContainText('{{finnsinte}} – okänd variabel');
  await page.getByRole('button', { name: 'Exportera DOCX' }).click();
  await expect(page.getByRole('alert')).toHaveText('Kan inte exportera: okänd variabel {{finnsinte}}.');

  // Stored as chips: after a reload they are still chips, with the live value.
  await expect(page.getByRole('status')).toHaveText('Sparat');
  await page.reload();
  const reloaded = page.getByRole('textbox', { name: 'Avsnitt: Innehåll' });
  await expect(reloaded.locator('[data-variable="tema"]')).toHaveText('Demokratisk integration');
  await expect(reloaded.locator('[data-variable="finnsinte"]')).toHaveText('Okänd variabel {{finnsinte}}');
});

test('{{name}} pasted as text becomes a chip that keeps the bold it was pasted in', async ({ page, host }) => {
  await page.goto(host.url);
  await newDocument(page, { template: /Fritt format/ });
  // The editor loads on demand: until it shows, "Datum" can still be the closing dialog's Mötesdatum.
  const section = page.getByRole('textbox', { name: 'Avsnitt: Innehåll' });
  await expect(section).toBeVisible();
  await page.getByLabel('Datum', { exact: true }).fill('2026-06-09');
  await section.click();
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/html', '<p>Mötet hölls <b>{{datum}}</b>.</p>');
    dt.setData('text/plain', 'Mötet hölls {{datum}}.');
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  const chip = section.locator('[data-variable="datum"]');
  await expect(chip).toHaveText('den 9 juni 2026');
  await expect(chip).toHaveCSS('font-weight', '700');
  await expect(section).toHaveText('Mötet hölls den 9 juni 2026.');
});
