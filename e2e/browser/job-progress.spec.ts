import { expect, test } from '../support/fixtures';

// The bold word gives every sentence three text nodes: about 8 s to import here instead of 3.5 s, so
// Avbryt reliably lands while the job runs (plain sentences sometimes finished first).
const SENTENCE = 'Organisationerna lyfte **frågor** om återkoppling, tillgänglighet och hur samrådet förbereds. ';

/** A large but allowed Markdown file: parsing it in the host's worker takes several seconds. */
function largeMarkdown(mb: number): Buffer {
  const parts: string[] = ['# Minnesanteckningar\n\n'];
  for (let i = 0, size = 0; size < mb * 1024 * 1024; i++) {
    const b = `## Punkt ${i}\n\n${SENTENCE.repeat(40)}\n\n- Medskick ${i}\n- Medskick ${i + 1}\n\n`;
    parts.push(b);
    size += Buffer.byteLength(b);
  }
  return Buffer.from(parts.join(''));
}

test('a slow import shows its progress, and Avbryt ends it without creating a document', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Importera…' }).click();
  await page
    .getByLabel('Fil (.md, .txt eller .docx)')
    .setInputFiles({ name: 'stort.md', mimeType: 'text/markdown', buffer: largeMarkdown(19) });
  await page.getByRole('dialog').getByRole('button', { name: 'Importera' }).click();
  const progress = page.getByRole('dialog').getByRole('status').filter({ hasText: 'Importen pågår' });
  await expect(progress).toBeVisible({ timeout: 10_000 });
  await expect(progress).toContainText(/\d+ s/);
  await progress.getByRole('button', { name: 'Avbryt importen' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText('Importen avbröts. Inget har sparats.');
  await page.getByRole('dialog').getByRole('button', { name: 'Avbryt', exact: true }).click();
  await page.reload();
  await expect(page.getByText('Inga dokument ännu')).toBeVisible();
});
