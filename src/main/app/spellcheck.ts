import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, session, type Session } from 'electron';

/**
 * Chromium's own spell-checker, for the fields the editor's plugin does not cover (the metadata
 * form, dialogs): Swedish and US English, from dictionaries shipped with the app and never
 * downloaded. The section editors turn it off and use src/renderer/src/spell instead (Hunspell on the
 * host, with the personal word list and the document's names), so no word is marked twice.
 *
 * Chromium reads Hunspell dictionaries only in its own .bdic form (sv-SE-3-0.bdic, en-US-10-1.bdic),
 * made from .aff/.dic by Chromium's convert_dict; they belong in resources/spellcheck/. Where they
 * are, they are copied into <userData>/Dictionaries, where Chromium looks before it downloads; the
 * download address points at the same local folder, so a missing file is never fetched from
 * Google's servers. macOS uses the system's checker, and Windows its own where the language is
 * installed: there these calls change nothing.
 */
export const SPELLCHECK_LANGUAGES = ['sv-SE', 'en-US'] as const;

/** resources/spellcheck inside the installed app (extraResources), or in the source tree under `electron-vite dev`. */
export function shippedDictionariesDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources', 'spellcheck') : join(app.getAppPath(), 'resources', 'spellcheck');
}

function placeDictionaries(from: string, to: string): void {
  if (!existsSync(from)) return;
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (name.toLowerCase().endsWith('.bdic') && !existsSync(join(to, name))) copyFileSync(join(from, name), join(to, name));
  }
}

/** After app.whenReady(). Failures only cost the fields' underlining, so they are logged, never thrown. */
export function configureSpellChecker(ses: Session = session.defaultSession, dir: string = shippedDictionariesDir()): void {
  if (process.platform === 'darwin') return;
  try {
    placeDictionaries(dir, join(app.getPath('userData'), 'Dictionaries'));
    ses.setSpellCheckerDictionaryDownloadURL(`${pathToFileURL(dir).href}/`);
    const available = new Set(ses.availableSpellCheckerLanguages);
    ses.setSpellCheckerLanguages(SPELLCHECK_LANGUAGES.filter((l) => available.has(l)));
    ses.setSpellCheckerEnabled(true);
  } catch (e) {
    console.error('[minnes] spell-checker', e);
  }
}
