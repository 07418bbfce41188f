import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium';
import { importIntoStore } from '../src/main/core/import-document';
import { openStore } from '../src/main/core/store';
import { generateMinutesMarkdown, HUNDRED_PAGES } from './generate';

/** The browser benchmarks' Chromium: the system's, started as the e2e tests start it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Imports the generated long minutes into a store file (created if absent); returns the document's id. */
export async function seedLongDocument(dbPath: string, pages = HUNDRED_PAGES): Promise<string> {
  const db = openStore(dbPath);
  try {
    return (await importIntoStore(db, Buffer.from(generateMinutesMarkdown(pages)), 'lang.md')).id;
  } finally {
    db.close();
  }
}
