import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { ROOT } from '../support/host';
import { newDocument } from '../support/new-document';
import { docxText } from '../support/docx';

async function importSeed(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Importera…' }).click();
  await page.getByLabel('Fil (.md, .txt eller .docx)').setInputFiles(join(ROOT, 'test/fixtures/samrad-2026-06-09.txt'));
  await page.getByRole('dialog').getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByTestId('doc-title')).toContainText('den 9 juni 2026');
}

test('exports the open minutes as DOCX and PDF that real tools read back', async ({ page, host }) => {
  await importSeed(page, host.url);
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera DOCX' }).click()]);
  expect(docx.suggestedFilename()).toBe('2026-06-09 Minnesanteckningar.docx');
  const docxPath = join(host.dir, 'out.docx');
  await docx.saveAs(docxPath);
  const text = docxText(docxPath);
  expect(text).toContain('Många goda exempel lyftes bl.a. språkcaféer');

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera PDF' }).click()]);
  const pdfPath = join(host.dir, 'out.pdf');
  await pdf.saveAs(pdfPath);
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  expect(execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' })).toContain('Sveriges stadsmissioner');
  await expect(page.getByRole('status', { name: 'Exportresultat' })).toContainText('har laddats ned');
});

test('the preview shows the real PDF, and a missing variable blocks export by name', async ({ page, host }) => {
  await importSeed(page, host.url);
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  const frame = page.getByTitle('Förhandsgranskning av PDF');
  await expect(frame).toHaveAttribute('src', /^blob:/);
  await expect(frame).toHaveAttribute('data-type', 'application/pdf');
  expect(Number(await frame.getAttribute('data-size'))).toBeGreaterThan(10_000);
  await page.getByRole('button', { name: 'Stäng' }).click();

  await page.getByRole('button', { name: '← Alla dokument' }).click();
  await newDocument(page);
  await page.getByRole('button', { name: 'Exportera DOCX' }).click();
  await expect(page.getByRole('alert')).toContainText('{{tema}} (fyll i Tema)');
});
