import type { Page } from '@playwright/test';

export type NewDocumentChoice = {
  /** The template's radio, by its accessible name; the dialog's default (Samråd) otherwise. */
  template?: RegExp;
  /** Filled into "Mötesdatum (kan fyllas i senare)". */
  date?: string;
};

/** Nytt dokument… → (a template, a date) → Skapa, as a user does it from the documents list. */
export async function newDocument(page: Page, choice: NewDocumentChoice = {}): Promise<void> {
  await page.getByRole('button', { name: 'Nytt dokument…' }).click();
  if (choice.template) await page.getByRole('radio', { name: choice.template }).check();
  if (choice.date) await page.getByRole('dialog').getByLabel('Mötesdatum (kan fyllas i senare)').fill(choice.date);
  await page.getByRole('button', { name: 'Skapa' }).click();
}
