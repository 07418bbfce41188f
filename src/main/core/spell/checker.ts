import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as HunspellAsm from 'hunspell-asm';
import { createSpellChecker, type DictionaryFiles, type SpellChecker } from '../../../shared/spell/hunspell';

/**
 * The host's spell-checker: one Hunspell (WebAssembly) per process, Swedish (dictionary-sv) then
 * US English (dictionary-en), read from the installed packages; nothing is ever downloaded. Electron's
 * main process and the browser host both answer the renderer's checkSpelling from here, so the
 * renderer's CSP (script-src 'self', no wasm compilation) stays as it is.
 */
export const LANGUAGES = [
  { name: 'sv-SE', pkg: 'dictionary-sv' },
  { name: 'en-US', pkg: 'dictionary-en' },
] as const;

function resolver(): NodeJS.Require {
  // __filename exists in the CJS bundles (out/main, out/node) and under vitest; cwd is a last resort.
  return createRequire(typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js'));
}

/** A dictionary package's folder: its exports name only index.js (ESM with top-level await), so it is never imported. */
export function dictionaryDir(pkg: string): string {
  try {
    return dirname(resolver().resolve(pkg));
  } catch {
    throw new Error(`Ordlistan saknas (${pkg}); installera om programmet.`);
  }
}

export function readDictionary(name: string, pkg: string): DictionaryFiles {
  const dir = dictionaryDir(pkg);
  return { name, aff: readFileSync(join(dir, 'index.aff')), dic: readFileSync(join(dir, 'index.dic')) };
}

/**
 * The emscripten runtime inside hunspell-asm adds an uncaughtException listener that rethrows, which
 * would turn Electron's error dialog (and Node's own report) into an abrupt exit: taken off again.
 */
async function loadWasm(): Promise<HunspellAsm.HunspellFactory> {
  const before = new Set(process.listeners('uncaughtException'));
  try {
    // Required here, not imported at the top: its 0.8 MB of JavaScript (the wasm inside) is parsed at
    // the first check, not at every start of the app, the browser host or the CLI.
    const { loadModule } = resolver()('hunspell-asm') as typeof HunspellAsm;
    // Compiling the module takes a few hundred ms; a busy machine must not time it out (default 3 s).
    return await loadModule({ timeout: 60_000 });
  } finally {
    for (const l of process.listeners('uncaughtException')) if (!before.has(l)) process.off('uncaughtException', l);
  }
}

export async function loadSpellChecker(languages: readonly { name: string; pkg: string }[] = LANGUAGES): Promise<SpellChecker> {
  const factory = await loadWasm();
  return createSpellChecker(
    factory,
    languages.map((l) => readDictionary(l.name, l.pkg)),
  );
}

let shared: Promise<SpellChecker> | null = null;

/** The process's checker, loaded on first use (about 0.2 s); a failed load is tried again next time. */
export function spellChecker(): Promise<SpellChecker> {
  if (!shared) {
    shared = loadSpellChecker();
    shared.catch(() => {
      shared = null;
    });
  }
  return shared;
}
