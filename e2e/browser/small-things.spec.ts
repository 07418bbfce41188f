import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { newDocument } from '../support/new-document';
import { docxTableRows } from '../support/docx';

test('a missing-variable chip goes to its field; the preview shows what is missing instead of refusing', async ({ page, host }) => {
  await page.goto(host.url);
  await newDocument(page, { template: /Fritt format/ });
  const section = page.getByRole('textbox', { name: 'Avsnitt: Innehåll' });
  await section.click();
  await page.keyboard.type('Temat var {{tema}}.');
  await page.getByRole('note', { name: 'Variabler utan värde' }).getByRole('button', { name: '{{tema}} – fyll i Tema' }).click();
  await expect(page.getByLabel('Tema', { exact: true })).toBeFocused();

  // Ctrl+S saves a version with the name given, and the history shows it.
  await page.getByLabel('Versionens namn (valfritt)').fill('Före justering');
  await section.click();
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('button', { name: 'Version sparad' })).toBeVisible();
  await page.getByRole('button', { name: 'Historik' }).click();
  await expect(page.getByRole('list', { name: 'Revisioner' })).toContainText('”Före justering”');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Kan inte exportera' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('Släng can be undone for a moment; locked minutes are not offered Byt namn or Släng', async ({ page, host }) => {
  await page.goto(host.url);
  await newDocument(page);
  await expect(page.getByRole('textbox', { name: 'Avsnitt: Inledning' })).toBeVisible();
  await page.getByRole('button', { name: '← Alla dokument' }).click();
  // The document's rows (a series heading is a row of its own).
  const rows = page
    .getByRole('table', { name: 'Dokument' })
    .locator('tbody tr')
    .filter({ has: page.getByRole('button', { name: 'Duplicera' }) });
  await expect(rows).toHaveCount(1);

  await rows.first().getByRole('button', { name: 'Släng' }).click();
  await expect(rows).toHaveCount(0);
  await page.getByRole('status').filter({ hasText: 'ligger i papperskorgen' }).getByRole('button', { name: 'Ångra' }).click();
  await expect(rows).toHaveCount(1);

  // Approved: Duplicera still, but no Byt namn or Släng that would only fail.
  await rows.first().getByRole('button').first().click();
  const bar = page.getByRole('group', { name: 'Arbetsflöde' });
  await bar.getByRole('button', { name: 'Skicka på granskning' }).click();
  await bar.getByRole('button', { name: 'Justera…' }).click();
  await page.getByRole('dialog').getByLabel('Justerad av').fill('Karin Åström');
  await page.getByRole('dialog').getByRole('button', { name: 'Justera' }).click();
  await expect(page.locator('.doc-bar .status')).toHaveText('Justerad');
  await expect(page.getByRole('alert').filter({ hasText: 'Dokumentet är justerat och låst' })).toBeVisible();
  await page.getByRole('button', { name: '← Alla dokument' }).click();
  await expect(rows.first().getByRole('button', { name: 'Duplicera' })).toBeVisible();
  await expect(rows.first().getByRole('button', { name: 'Byt namn' })).toHaveCount(0);
  await expect(rows.first().getByRole('button', { name: 'Släng' })).toHaveCount(0);
});

test('Närvarolista inserts a Närvarande table from the series, which reaches the DOCX as a real table', async ({ page, host }) => {
  await page.goto(host.url);
  // A series with its organisations, saved through the app's own channel.
  const saved = await page.evaluate(async () => {
    const body = { name: 'Samråd 2026', year: 2026, partners: ['Forum', 'SKR', 'Ideell Arena'], planned: [] };
    const r = await fetch('/api/saveSeries', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return ((await r.json()) as { ok: boolean }).ok;
  });
  expect(saved).toBe(true);
  await newDocument(page);
  const section = page.getByRole('textbox', { name: 'Avsnitt: Deltagande organisationer' });
  await expect(section).toBeVisible();
  await page.getByLabel('Serie', { exact: true }).fill('Samråd 2026');
  await section.click();
  await page.keyboard.press('Control+End');
  await page.getByRole('button', { name: 'Närvarolista…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Närvarolista' });
  await dialog.getByLabel('SKR').uncheck();
  await dialog.getByRole('button', { name: 'Infoga tabell' }).click();
  const table = section.locator('table');
  await expect(table.locator('tr')).toHaveCount(4);
  await expect(table.locator('tr').nth(0)).toContainText('Närvarande');
  await expect(table.locator('tr').nth(2)).toContainText('SKRNej');
  await expect(page.getByRole('status').filter({ hasText: 'Sparat' })).toBeVisible();

  for (const [label, value] of [
    ['Datum', '2026-06-09'],
    ['Departement', 'Arbetsmarknadsdepartementet'],
    ['Värd/ordförande', 'Adam Alfredsson'],
    ['Tema', 'Demokrati'],
    ['Plats', 'Rosenbad'],
  ] as const)
    await page.getByLabel(label, { exact: true }).fill(value);
  await expect(page.getByRole('note', { name: 'Variabler utan värde' })).toHaveCount(0);
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera DOCX' }).click()]);
  const path = join(host.dir, 'narvaro.docx');
  await docx.saveAs(path);
  expect(docxTableRows(path)).toEqual([
    ['Organisation', 'Närvarande'],
    ['Forum', 'Ja'],
    ['SKR', 'Nej'],
    ['Ideell Arena', 'Ja'],
  ]);
});
