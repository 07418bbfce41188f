import { z } from 'zod';
import { DEFAULT_UI_LANGUAGE, UiLanguageSchema } from './i18n/languages';

/**
 * This computer's choices about the app itself (not about any document), kept in the store so that
 * they follow a backup and are the same in Electron and the browser host.
 */
export const PreferencesSchema = z.object({ uiLanguage: UiLanguageSchema });
export type Preferences = z.infer<typeof PreferencesSchema>;
export const DEFAULT_PREFERENCES: Preferences = { uiLanguage: DEFAULT_UI_LANGUAGE };

export const preferencesContract = {
  getPreferences: { input: z.object({}).strict(), output: PreferencesSchema },
  /** Changes only what is given; returns all of them as stored. */
  setPreferences: { input: PreferencesSchema.partial().strict(), output: PreferencesSchema },
} as const;
