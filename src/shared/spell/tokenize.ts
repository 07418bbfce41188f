/**
 * The words of Swedish text, as the spell-checker sees them. Pure: the renderer's plugin, the host's
 * checker, the tests and the bench all split text the same way.
 *
 * A word is a run of letters (any script, so å ä ö é ü and names like Łukasz), joined inside by
 * a hyphen (e-post, IT-frågor), a colon before an ending (EU:s, SKR:s), an apostrophe (O’Connor) or
 * a full stop (bl.a, t.ex, fr.o.m). Left out: anything with a digit (2026, 3:e, 1990-talet, A4),
 * addresses (https://…, www.…, regeringen.se), e-mail addresses and {{variables}}.
 */

export type WordToken = {
  /** As written, with an abbreviation's final full stop (bl.a.) and a compound's open hyphen (arbetsmarknads-). */
  word: string;
  /** UTF-16 offsets into the text: text.slice(start, end) === word. */
  start: number;
  end: number;
  /** A full stop follows that is not part of `word`: sentence end or a one-part abbreviation (osv., kl.). */
  dotAfter: boolean;
};

// Alternatives, tried at each position: a variable, a web address, an e-mail address, a word.
const TOKEN =
  /(\{\{[^{}]*\}\})|((?:https?:\/\/|www\.)[^\s<>"]+)|([\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)|([\p{L}\p{M}\p{N}]+(?:[-.:'’][\p{L}\p{M}\p{N}]+)*)(-(?![\p{L}\p{N}]))?/gu;

const DIGIT = /\p{N}/u;

/** Endings of web addresses written without www (regeringen.se); no Swedish abbreviation ends so. */
const DOMAIN_ENDINGS = new Set(['se', 'com', 'org', 'net', 'nu', 'eu', 'int', 'gov', 'info', 'io', 'fi', 'no', 'dk', 'de', 'uk']);

function isDomain(word: string): boolean {
  const parts = word.toLowerCase().split('.');
  if (parts.length < 2) return false;
  const last = parts[parts.length - 1] ?? '';
  return DOMAIN_ENDINGS.has(last) && parts.slice(0, -1).some((p) => p.length >= 3);
}

export function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const core = m[4];
    if (core === undefined || DIGIT.test(core) || isDomain(core)) continue;
    const start = m.index;
    let end = start + core.length + (m[5]?.length ?? 0);
    let dotAfter = text.charCodeAt(end) === 0x2e; // '.'
    // bl.a. and t.ex. keep their final stop: the word is only right with it.
    if (dotAfter && core.includes('.') && m[5] === undefined) {
      end += 1;
      dotAfter = false;
      TOKEN.lastIndex = end;
    }
    tokens.push({ word: text.slice(start, end), start, end, dotAfter });
  }
  return tokens;
}

/** Every letter is a capital (SKR, MUCF, IOGT-NTO): names of organisations, never flagged. */
export function isAcronym(word: string): boolean {
  let letters = 0;
  for (const ch of word) {
    if (ch.toLowerCase() === ch.toUpperCase()) continue; // not a cased letter: - . : '
    if (ch !== ch.toUpperCase()) return false;
    letters++;
  }
  return letters >= 2;
}

/** The words of a name or title (metadata, organisations), for the accepted list: hyphenated ones also by part. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    const word = t.word.replace(/-$/, '');
    out.push(word);
    if (word.includes('-')) out.push(...word.split('-').filter((p) => p.length > 0));
  }
  return out;
}
