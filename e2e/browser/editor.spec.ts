import { join } from 'node:path';
import { cli } from '../support/cli';
import { expect, test } from '../support/fixtures';
import { ROOT } from '../support/host';
import { newDocument } from '../support/new-document';

const SECTIONS = [
  'Inledning',
  'Bakgrund',
  'Deltagande organisationer',
  'Presentation',
  'Gruppdiskussioner',
  'Tematiska grupper',
  'Medskick',
  'Avslutning',
];

test('a newcomer writes minutes from the Samråd template and finds them after a reload', async ({ page, host }) => {
  await page.goto(host.url);
  await newDocument(page, { template: /Samråd med civilsamhället/ });

  for (const heading of SECTIONS) await expect(page.getByRole('region', { name: heading, exact: true })).toBeVisible();

  await page.getByLabel('Departement').fill('Arbetsmarknadsdepartementet');
  await page.getByLabel('Datum').fill('2026-06-09');
  await expect(page.getByTestId('doc-title')).toHaveText(
    'Minnesanteckningar från samråd mellan civilsamhället och Arbetsmarknadsdepartementet den 9 juni 2026',
  );
  // The {{Datum}} chip in the introduction follows the date live.
  await expect(page.getByRole('region', { name: 'Inledning' }).locator('[data-variable="Datum"]')).toHaveText('Den 9 juni 2026');

  const takeaways = page.getByRole('textbox', { name: 'Avsnitt: Medskick' });
  await takeaways.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Det behövs ');
  await page.keyboard.press('Control+B');
  await page.keyboard.type('löpande insatser');
  await page.keyboard.press('Control+B');
  await page.keyboard.type(' under året.');
  await expect(takeaways.locator('strong, .ed-bold').filter({ hasText: 'löpande insatser' })).toHaveCount(1);
  await expect(page.getByRole('status')).toHaveText('Sparat');

  await page.reload();
  await expect(page.getByTestId('doc-title')).toHaveText(/den 9 juni 2026$/);
  await expect(page.getByLabel('Datum')).toHaveValue('9 juni 2026');
  const reloaded = page.getByRole('textbox', { name: 'Avsnitt: Medskick' });
  await expect(reloaded).toContainText('Det behövs löpande insatser under året.');
  await expect(reloaded.locator('strong, .ed-bold').filter({ hasText: 'löpande insatser' })).toHaveCount(1);

  const listed = cli(['list', '--json', '--db', host.dbPath]);
  expect(listed.code).toBe(0);
  const docs = JSON.parse(listed.stdout) as Array<{ title: string; meetingDate: string; templateKey: string }>;
  expect(docs).toEqual([
    expect.objectContaining({
      title: expect.stringMatching(/Arbetsmarknadsdepartementet den 9 juni 2026$/),
      meetingDate: '2026-06-09',
      templateKey: 'samrad',
    }),
  ]);
});

test('a missing variable is flagged with the field to fill in', async ({ page, host }) => {
  await page.goto(host.url);
  await newDocument(page);
  const note = page.getByRole('note', { name: 'Variabler utan värde' });
  await expect(note).toContainText('{{tema}} – fyll i Tema');
  await page.getByLabel('Tema', { exact: true }).fill('Demokratisk integration');
  await expect(note).not.toContainText('{{tema}}');
  await expect(page.getByRole('region', { name: 'Inledning' }).locator('[data-variable="tema"]')).toHaveText('Demokratisk integration');
});

test('importing the seed minutes shows every takeaway with its bold key phrase', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Importera…' }).click();
  await page.getByLabel('Fil (.md, .txt eller .docx)').setInputFiles(join(ROOT, 'test/fixtures/samrad-2026-06-09.txt'));
  await page.getByRole('dialog').getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByTestId('doc-title')).toHaveText(
    'Minnesanteckningar från samråd mellan civilsamhället och Arbetsmarknadsdepartementet den 9 juni 2026',
  );
  const body = page.getByRole('article', { name: 'Dokument' });
  const boldItems = body.locator('li').filter({ has: page.locator('.ed-bold') });
  await expect(boldItems).toHaveCount(14);
  await expect(boldItems.first().locator('.ed-bold').first()).toHaveText('Långsiktighet');
  await expect(boldItems.last().locator('.ed-bold').first()).toHaveText('Många goda exempel');
  await expect(body.locator('li')).toHaveCount(8 + 3 + 14);
  await expect(body.locator('.ed-italic').first()).toHaveText(
    'Demokratisk integration – demokratistärkande insatser för ökat deltagande i och mellan valen',
  );
});

test('importing an empty file says so and creates nothing', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Importera…' }).click();
  await page
    .getByLabel('Fil (.md, .txt eller .docx)')
    .setInputFiles({ name: 'tom.md', mimeType: 'text/markdown', buffer: Buffer.from('  \n') });
  await page.getByRole('dialog').getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('tom');
  await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByText('Inga dokument ännu')).toBeVisible();
});

test('sections are added, moved and removed only by explicit commands, and it sticks', async ({ page, host }) => {
  await page.goto(host.url);
  await newDocument(page);
  const avslutning = page.getByRole('region', { name: 'Avslutning', exact: true });
  await avslutning.hover();
  await avslutning.getByRole('button', { name: '+ Avsnitt' }).click();
  await page.getByRole('dialog').getByLabel('Rubrik').fill('Övriga frågor');
  await page.getByRole('dialog').getByRole('button', { name: 'Lägg till' }).click();
  await page.getByRole('button', { name: 'Flytta upp Övriga frågor' }).click();
  const headings = page.locator('.section-head h3');
  await expect(headings.nth(7)).toHaveText('Övriga frågor');
  await expect(headings.nth(8)).toHaveText('Avslutning');

  // Select-all + delete inside a section never removes the section itself.
  await page.getByRole('textbox', { name: 'Avsnitt: Bakgrund' }).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Backspace');
  await expect(page.getByRole('region', { name: 'Bakgrund', exact: true })).toBeVisible();

  const tematiska = page.getByRole('region', { name: 'Tematiska grupper', exact: true });
  await tematiska.hover();
  await tematiska.getByRole('button', { name: 'Ta bort' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ta bort' }).click();
  await expect(page.getByRole('status')).toHaveText('Sparat');
  await page.reload();
  await expect(headings).toHaveText([
    'Inledning',
    'Bakgrund',
    'Deltagande organisationer',
    'Presentation',
    'Gruppdiskussioner',
    'Medskick',
    'Övriga frågor',
    'Avslutning',
  ]);
});

test('importing minutes written in Word shows their header, headings, nested lists, bold and italic', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Importera…' }).click();
  await page.getByLabel('Fil (.md, .txt eller .docx)').setInputFiles(join(ROOT, 'test/fixtures/word-minutes-libreoffice.docx'));
  await page.getByRole('dialog').getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByTestId('doc-title')).toHaveText(
    'Minnesanteckningar från möte med referensgruppen för folkbildning den 14 mars 2025',
  );
  await expect(page.getByLabel('Departement')).toHaveValue('Utbildningsdepartementet');
  await expect(page.getByLabel('Datum')).toHaveValue('14 mars 2025');
  const body = page.getByRole('article', { name: 'Dokument' });
  await expect(body.locator('h1').filter({ hasText: 'Inledning' })).toHaveCount(1);
  await expect(body.locator('ul ul li')).toHaveText(['Studiefrämjandet', 'Medborgarskolan']);
  await expect(body.locator('ol ol li')).toHaveText(['Kartläggningen av lokaler', 'Enkäten till studieförbunden']);
  await expect(body.locator('.ed-bold').filter({ hasText: 'Karin Berg' })).toHaveCount(1);
  await expect(body.locator('.ed-italic').filter({ hasText: 'Folkbildningens roll i glesbygd' })).toHaveCount(1);
});
