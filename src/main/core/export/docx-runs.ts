import { ExternalHyperlink, TextRun } from 'docx';
import type { IRunOptions } from 'docx';
import type { LinkRun, Run } from '../../../shared/document-model';
import { COMPLEX_SCRIPTS, FONT_FAMILY, splitByScript } from './scripts';
import type { ScriptRun } from './scripts';

/**
 * Text runs of the DOCX writer. Each run is split by script so that text Calibri cannot draw
 * names the same Noto family the PDF embeds, in the font slot Word actually reads for it:
 * w:cs for complex scripts (Arabic, Hebrew, Indic), w:eastAsia for CJK, w:ascii/w:hAnsi for the
 * rest (Ethiopic, emoji). Latin text names no font and keeps the style's (the house font).
 */

/** `style`: a character style, as Hyperlink for the words of a link. */
export type RunFormat = { bold?: boolean; italic?: boolean; style?: string };

/**
 * The locale Word files a language under (w:lang takes full tags such as ar-SA, as Word writes
 * them). Only languages scripts.ts already calls obvious from the script are listed.
 */
const WORD_LOCALE: Record<string, string> = {
  ar: 'ar-SA',
  he: 'he-IL',
  hi: 'hi-IN',
  bn: 'bn-IN',
  ta: 'ta-IN',
  am: 'am-ET',
  zh: 'zh-CN',
  ja: 'ja-JP',
  ko: 'ko-KR',
};

/**
 * scripts.ts lets spaces and punctuation join the run before them. Inside a w:rtl run Word lays
 * them out right to left too, so the ", " after a Hebrew name in a Swedish list of names would land
 * on the name's left. The spaces and punctuation at either end of a right-to-left run are split off
 * without w:rtl (keeping its font, for an Arabic comma), and the bidi algorithm places them.
 */
const EDGE_NEUTRALS = /^([\s\p{P}\p{S}]*)([\s\S]*?)([\s\p{P}\p{S}]*)$/u;

function bidiPieces(run: ScriptRun): ScriptRun[] {
  if (!run.rtl) return [run];
  const [, lead = '', core = '', tail = ''] = EDGE_NEUTRALS.exec(run.text) ?? [];
  if (!core) return [run];
  const neutral = (text: string): ScriptRun[] => (text ? [{ ...run, text, rtl: false }] : []);
  return [...neutral(lead), { ...run, text: core }, ...neutral(tail)];
}

function scriptOptions(run: ScriptRun): Partial<IRunOptions> {
  if (run.script === 'latin') return {};
  const family = FONT_FAMILY[run.script];
  const locale = run.lang === undefined ? undefined : (WORD_LOCALE[run.lang] ?? run.lang);
  if (COMPLEX_SCRIPTS.has(run.script)) {
    return {
      font: { cs: family },
      // w:rtl also makes the spaces and punctuation inside the run right-to-left, so "محمد عبد الله،"
      // reads as one name; w:lang w:bidi is the language of complex-script text (Devanagari too).
      ...(run.rtl ? { rightToLeft: true } : {}),
      ...(locale ? { language: { bidirectional: locale } } : {}),
    };
  }
  if (run.script === 'cjk') {
    // The hint keeps the punctuation and spaces that joined the run in the East Asian font.
    return { font: { eastAsia: family, hint: 'eastAsia' }, ...(locale ? { language: { eastAsia: locale } } : {}) };
  }
  return { font: { ascii: family, hAnsi: family }, ...(locale ? { language: { value: locale } } : {}) };
}

/** One paragraph's text, split by script; formatting is only ever switched on (see textRuns). */
export function scriptRuns(text: string, format: RunFormat = {}): TextRun[] {
  const base = {
    ...(format.style ? { style: format.style } : {}),
    ...(format.bold ? { bold: true } : {}),
    ...(format.italic ? { italics: true } : {}),
  };
  const out: TextRun[] = [];
  text.split('\n').forEach((line, i) => {
    // A newline the model still holds is a line break, as cleanRuns would have made it.
    if (i > 0) out.push(new TextRun({ break: 1 }));
    for (const run of splitByScript(line).flatMap(bidiPieces)) {
      out.push(new TextRun({ text: run.text, ...base, ...scriptOptions(run) }));
    }
  });
  return out;
}

/**
 * The runs of one paragraph. Only ever switch formatting on: an explicit bold=false would override a
 * bold heading style. A break run is a line break (w:br) inside the paragraph. The runs of a link
 * (neighbours with the same address) are one w:hyperlink to an external relationship, their text
 * in Word's Hyperlink character style (blue, underlined).
 */
export function textRuns(items: readonly Run[]): (TextRun | ExternalHyperlink)[] {
  const out: (TextRun | ExternalHyperlink)[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = items[i]!;
    if (r.type === 'break') out.push(new TextRun({ break: 1 }));
    else if (r.type === 'text') out.push(...scriptRuns(r.text, { bold: !!r.bold, italic: !!r.italic }));
    else {
      const link: LinkRun[] = [r];
      let next = items[i + 1];
      while (next?.type === 'link' && next.url === r.url) {
        link.push(next);
        next = items[++i + 1];
      }
      const children = link.flatMap((l) => scriptRuns(l.text, { bold: !!l.bold, italic: !!l.italic, style: 'Hyperlink' }));
      out.push(new ExternalHyperlink({ link: r.url, children }));
    }
  }
  return out;
}
