import { z } from 'zod';
import { MAX_WORD_LENGTH } from './spell/verdict';

/**
 * Spell-checking (Swedish, then US English), answered by the host: Hunspell in WebAssembly with the
 * dictionary-sv and dictionary-en packages (src/main/core/spell), and the personal word list in the
 * store. Nothing here reaches the network.
 */

/** One word as the tokenizer gives it: no spaces, at most 100 characters. */
export const SpellWordSchema = z.string().min(1).max(MAX_WORD_LENGTH).regex(/^\S+$/u, 'Ett ord utan mellanslag');

/** A word for the personal list, as a person may type it: trimmed and in composed form (å as one character). */
export const PersonalWordInputSchema = z
  .string()
  .trim()
  .min(1, 'Skriv ett ord')
  .max(MAX_WORD_LENGTH, `Högst ${MAX_WORD_LENGTH} tecken`)
  .regex(/^\S+$/u, 'Ett ord utan mellanslag')
  .transform((w) => w.normalize('NFC'));

export const PersonalWordSchema = z.object({ word: z.string(), addedAt: z.string() });
export type PersonalWordEntry = z.infer<typeof PersonalWordSchema>;

/** Words per checkSpelling call: a batch the host answers in a few ms, so other calls are not held up. */
export const MAX_SPELL_BATCH = 2000;

export const spellContract = {
  /** Of these words, the ones no dictionary knows (the personal list and the document's names are applied by the caller). */
  checkSpelling: {
    input: z.object({ words: z.array(SpellWordSchema).max(MAX_SPELL_BATCH) }).strict(),
    output: z.object({ misspelled: z.array(z.string()) }),
  },
  /** Up to five corrections for one misspelt word (for the context menu). */
  suggestSpelling: {
    input: z.object({ word: SpellWordSchema }).strict(),
    output: z.object({ suggestions: z.array(z.string()) }),
  },
  listPersonalWords: { input: z.object({}).strict(), output: z.array(PersonalWordSchema) },
  /** "Lägg till i ordlistan". */
  addPersonalWord: { input: z.object({ word: PersonalWordInputSchema }).strict(), output: PersonalWordSchema },
  removePersonalWord: { input: z.object({ word: PersonalWordInputSchema }).strict(), output: z.object({ removed: z.boolean() }) },
} as const;
