import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from '../e2e/support/host';
import { launchChromium, seedLongDocument } from './browser';
import { HUNDRED_PAGES } from './generate';
import { percentile } from './stats';

export type TypingFigures = { median: number; p95: number; keys: number; chars: number };

/**
 * Per-key cost in a 100-page document in Chromium: from the input event to the editor's DOM
 * updated and laid out (Lexical commits in a microtask; reading offsetHeight forces layout).
 */
export async function benchTyping(pages = HUNDRED_PAGES, keys = 200): Promise<TypingFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'minnes-bench-'));
  const dbPath = join(dir, 'typing.sqlite');
  const id = await seedLongDocument(dbPath, pages);
  const host = await startHost(dbPath);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${host.url}#/doc/${id}`);
    const editor = page.getByRole('textbox', { name: 'Avsnitt: Innehåll' });
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+End');
    const result = await page.evaluate(async (n) => {
      const el = document.activeElement as HTMLElement;
      const times: number[] = [];
      const text = 'Civilsamhället lyfte långsiktighet och återkoppling. ';
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        document.execCommand('insertText', false, text[i % text.length] ?? 'a');
        await Promise.resolve();
        await new Promise((r) => queueMicrotask(() => r(null)));
        void el.offsetHeight;
        times.push(performance.now() - t0);
      }
      return { times, chars: el.textContent?.length ?? 0 };
    }, keys);
    return { median: percentile(result.times, 50), p95: percentile(result.times, 95), keys, chars: result.chars };
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
