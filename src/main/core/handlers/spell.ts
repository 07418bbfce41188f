import { spellChecker } from '../spell/checker';
import { addPersonalWord, listPersonalWords, removePersonalWord } from '../spell/personal-words';
import type { CoreContext, HandlerGroup } from './context';

type Keys = 'checkSpelling' | 'suggestSpelling' | 'listPersonalWords' | 'addPersonalWord' | 'removePersonalWord';

/** Spell-checking for the editor: the dictionaries in this process, the personal list in the store. */
export function spellHandlers(ctx: CoreContext): HandlerGroup<Keys> {
  return {
    checkSpelling: async (input) => {
      const checker = await spellChecker();
      return { misspelled: input.words.filter((w) => !checker.check(w)) };
    },
    suggestSpelling: async (input) => ({ suggestions: (await spellChecker()).suggest(input.word, 5) }),
    listPersonalWords: () => listPersonalWords(ctx.db),
    addPersonalWord: (input) => addPersonalWord(ctx.db, input.word),
    removePersonalWord: (input) => ({ removed: removePersonalWord(ctx.db, input.word) }),
  };
}
