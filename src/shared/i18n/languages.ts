import { z } from 'zod';

/**
 * The languages of the app's own words (buttons, labels, messages). The minutes themselves are
 * always Swedish: their headings, variables, exports and the register package do not follow this.
 */
export const UI_LANGUAGES = ['sv', 'en'] as const;
export const UiLanguageSchema = z.enum(UI_LANGUAGES);
export type UiLanguage = z.infer<typeof UiLanguageSchema>;
export const DEFAULT_UI_LANGUAGE: UiLanguage = 'sv';

/** Each language named in itself, for the switch (a Swede looking for "Svenska" finds it in an English UI). */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { sv: 'Svenska', en: 'English' };
