/**
 * A long, realistic minutes in the seed's Markdown shape, for benchmarks: ~pages × 450 words,
 * with headings, paragraphs, bullet lists with bold key phrases, and italics.
 */
const WORDS =
  'civilsamhället regeringen samråd integration deltagande demokrati kommuner regioner föreningar långsiktighet återkoppling arenor utbildning arbetsmarknad bostadsområden jämställdhet förtroende närvaro information språkcaféer mentorskap studiebesök valdeltagande utrikes födda organisationer insatser finansiering projekt erfarenheter kunskap'.split(
    ' ',
  );

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

function sentence(r: () => number, n: number): string {
  const words = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)] ?? 'samråd');
  const s = words.join(' ');
  return `${s[0]?.toUpperCase()}${s.slice(1)}.`;
}

/** Sections of generated text that typeset to about 100 A4 pages in the house style (measured: 62 → 100). */
export const HUNDRED_PAGES = 62;

export function generateMinutesMarkdown(pages: number, seed = 1): string {
  const r = rng(seed);
  const out: string[] = [
    '---',
    'department: Arbetsmarknadsdepartementet',
    'unit: Enheten för integration och arbetet mot utanförskap',
    'date: 2026-06-09',
    'title: Minnesanteckningar från samråd mellan civilsamhället och Arbetsmarknadsdepartementet den 9 juni 2026',
    '---',
    '',
  ];
  for (let p = 0; p < pages; p++) {
    out.push(`## Avsnitt ${p + 1}`, '');
    out.push(`${sentence(r, 30)} Temat var *${sentence(r, 6)}* ${sentence(r, 25)}`, '');
    out.push(`${sentence(r, 40)} ${sentence(r, 35)}`, '');
    for (let i = 0; i < 8; i++) out.push(`- **${sentence(r, 2).replace('.', '')}** ${sentence(r, 18)}`);
    out.push('', `${sentence(r, 45)} ${sentence(r, 30)}`, '');
    out.push(`1. ${sentence(r, 12)}`, `2. ${sentence(r, 12)}`, `3. ${sentence(r, 12)}`, '');
  }
  return out.join('\n');
}
