/**
 * Which writing system each stretch of text is in. Both writers need it: the PDF to pick an
 * embedded face per run and to know which runs are right-to-left, the DOCX to name the same
 * fallback family in w:rFonts (w:cs / w:eastAsia) and to mark w:rtl. One classification, so the
 * two files agree on where a name in Arabic or Chinese starts and ends.
 */

export type ScriptKey = 'latin' | 'arabic' | 'hebrew' | 'devanagari' | 'bengali' | 'tamil' | 'ethiopic' | 'cjk' | 'emoji';

export type ScriptRun = {
  text: string;
  script: ScriptKey;
  /** Written right to left (Arabic, Hebrew). */
  rtl: boolean;
  /** BCP 47 language where the script alone makes it obvious (Arabic → ar); absent otherwise. */
  lang?: string;
};

/** The Noto family each script is drawn with; the PDF embeds these, the DOCX names them. */
export const FONT_FAMILY: Record<ScriptKey, string> = {
  latin: 'Noto Sans',
  arabic: 'Noto Sans Arabic',
  hebrew: 'Noto Sans Hebrew',
  devanagari: 'Noto Sans Devanagari',
  bengali: 'Noto Sans Bengali',
  tamil: 'Noto Sans Tamil',
  ethiopic: 'Noto Sans Ethiopic',
  cjk: 'Noto Sans SC',
  emoji: 'Noto Emoji',
};

/** Scripts Word takes from the complex-script font slot (w:cs) rather than w:ascii/w:hAnsi. */
export const COMPLEX_SCRIPTS: ReadonlySet<ScriptKey> = new Set<ScriptKey>(['arabic', 'hebrew', 'devanagari', 'bengali', 'tamil']);

export const RTL_SCRIPTS: ReadonlySet<ScriptKey> = new Set<ScriptKey>(['arabic', 'hebrew']);

/**
 * Languages that follow from the script alone. Ethiopic (Amharic or Tigrinya) and Latin or Cyrillic
 * are shared by many languages, so they get none; Arabic script is also Persian and Urdu, but the
 * issue's rule of thumb (and screen readers' default voice for it) is Arabic.
 */
const SCRIPT_LANG: Partial<Record<ScriptKey, string>> = {
  arabic: 'ar',
  hebrew: 'he',
  devanagari: 'hi',
  bengali: 'bn',
  tamil: 'ta',
};

const PATTERNS: [ScriptKey, RegExp][] = [
  ['arabic', /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['bengali', /\p{Script=Bengali}/u],
  ['tamil', /\p{Script=Tamil}/u],
  ['ethiopic', /\p{Script=Ethiopic}/u],
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303F\uFF00-\uFFEF]/u],
  ['emoji', /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u],
];

/** Characters that take the script of their neighbours: spaces, digits, punctuation, marks, joiners. */
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;
const KANA_OR_HANGUL = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
// Everything Noto Sans itself covers needs no classification: the common case stays a single test.
// eslint-disable-next-line no-control-regex -- the range starts at U+0000 on purpose: all of Basic Latin
const PLAIN = /^[\u0000-\u024F\u0370-\u03FF\u0400-\u052F\u1E00-\u1EFF\u2000-\u206F\u20A0-\u20CF\u2100-\u214F]*$/u;

/** Text that the Latin face draws without shaping: Latin, Greek, Cyrillic and general punctuation. */
export function isPlainLatin(text: string): boolean {
  return PLAIN.test(text);
}

/** The script of one character, or null for a neutral one. Scripts without a face of ours count as Latin. */
export function scriptOf(ch: string): ScriptKey | null {
  for (const [key, re] of PATTERNS) if (re.test(ch)) return key;
  if (NEUTRAL.test(ch)) return null;
  return 'latin';
}

/** The language a run in this script obviously is, if any. */
export function scriptLanguage(script: ScriptKey, text: string): string | undefined {
  if (script === 'cjk') return KANA_OR_HANGUL.test(text) ? (/\p{Script=Hangul}/u.test(text) ? 'ko' : 'ja') : 'zh';
  return SCRIPT_LANG[script];
}

function run(text: string, script: ScriptKey): ScriptRun {
  const lang = scriptLanguage(script, text);
  return { text, script, rtl: RTL_SCRIPTS.has(script), ...(lang ? { lang } : {}) };
}

/**
 * Splits text into runs of one script each. Neutral characters join the run before them (a space
 * or comma after an Arabic name belongs to it); neutral characters at the very start join the first
 * run that has a script, and text with none at all is one Latin run.
 */
export function splitByScript(text: string): ScriptRun[] {
  if (PLAIN.test(text)) return text ? [run(text, 'latin')] : [];
  const runs: { text: string; script: ScriptKey | null }[] = [];
  for (const ch of text) {
    // A variation selector or joiner after an emoji keeps the sequence in the emoji face.
    const script = scriptOf(ch);
    const last = runs[runs.length - 1];
    if (last && (script === null || last.script === script || last.script === null)) {
      last.text += ch;
      if (last.script === null) last.script = script;
    } else runs.push({ text: ch, script });
  }
  return runs.map((r) => run(r.text, r.script ?? 'latin'));
}

/** True when the text contains any right-to-left script (the bidi algorithm is needed only then). */
export function hasRtl(text: string): boolean {
  return /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u.test(text);
}
