import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronAvailability } from '../../scripts/electron-check.cjs';
import { ensureElectronSqlite } from '../../scripts/electron-sqlite.cjs';
import { cli } from '../support/cli';
import { ROOT } from '../support/host';

// This project is only configured where Electron can start (see playwright.config.ts).
test('the real app lists a document created in it, with a hardened window', async () => {
  const availability = electronAvailability();
  if (!availability.ok) throw new Error(availability.reason);
  const sqlite = ensureElectronSqlite();
  if (!sqlite.ok) throw new Error(sqlite.reason);
  const dir = mkdtempSync(join(tmpdir(), 'minnes-electron-'));
  const db = join(dir, 'minnes.sqlite');
  const app = await electron.launch({
    executablePath: availability.binary,
    args: [join(ROOT, 'out/main/index.js')],
    env: { ...process.env, MINNES_DB: db, MINNES_ELECTRON_SQLITE: sqlite.path },
  });
  try {
    const page = await app.firstWindow();
    await page.getByRole('button', { name: 'Nytt dokument…' }).click();
    await page.getByRole('button', { name: 'Skapa' }).click();
    await page.getByRole('textbox', { name: 'Avsnitt: Medskick' }).click();
    await page.keyboard.type('Skrivet i den riktiga appen');
    await expect(page.getByRole('status').filter({ hasText: 'Sparat' })).toBeVisible();
    await page.getByRole('button', { name: '← Alla dokument' }).click();
    await expect(page.getByRole('table', { name: 'Dokument' }).locator('tbody tr[data-id]')).toHaveCount(1);
    // The renderer must have no Node and only the named API.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as unknown as { minnes: Record<string, unknown> }).minnes.listDocuments)).toBe(
      'function',
    );
    expect(await page.evaluate(() => 'invoke' in (globalThis as unknown as { minnes: object }).minnes)).toBe(false);
  } finally {
    await app.close();
  }
  const listed = cli(['list', '--json', '--db', db]);
  expect(JSON.parse(listed.stdout)).toHaveLength(1);
  rmSync(dir, { recursive: true, force: true });
});
