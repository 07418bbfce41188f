import type { SerializedListNode } from '@lexical/list';
import type { SerializedLexicalNode } from 'lexical';
import { textContent, type BlockNode } from './lexical-json';

/**
 * The words by which a reader tells the parts of ministry minutes apart when they have no headings:
 * "Följande organisationer …:" and a list of names, "Därefter presenterade …", "… utifrån följande
 * frågeställningar:" and a list of questions, "Under gruppdiskussionerna lyfte …:" and a list of
 * statements, "Samrådet summerades och avslutades …". Each cue is a word stem or phrase with a weight;
 * the shape of a following list adds to a section its words already point to, since wording varies
 * far more than the layout does.
 * Rules are per section of the Samråd template, found by key or by heading, so a template made from
 * such minutes (same sections) is split the same way.
 */

export type Cue = { pattern: RegExp; weight: number };
export type ListShape = 'names' | 'questions' | 'statements';
export type CueRule = { key: string; heading: string; cues: readonly Cue[]; list?: ListShape };

/** A lead paragraph (or heading) with the lists right after it; either part may be missing. */
export type Unit = { lead?: BlockNode; lists: SerializedListNode[] };

const LIST_WEIGHT = 2;

// Stems match at the start of a word only ("organisationer" is not in "civilsamhällesorganisationer");
// \b cannot be used, it does not know å, ä and ö.
const cue = (source: string, weight: number): Cue => ({ pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})`, 'u'), weight });

export const CUE_RULES: readonly CueRule[] = [
  {
    key: 'inledning',
    heading: 'inledning',
    cues: [cue('bjöd(?:[^.]{0,200}?) in(?![\\p{L}])|inbjud|inbjöd|samlade', 2), cue('ägde rum|hölls', 1), cue('välkom|hälsade', 1)],
  },
  {
    key: 'bakgrund',
    heading: 'bakgrund',
    cues: [
      cue('ansvar(?:ar|et)? för (?:dialogen|samråd)', 2),
      cue('årscykel', 2),
      cue('syft(?:e|et|ade|ar)', 1),
      cue('dialog(?:en)? med (?:det )?civil', 1),
      cue('återkommande (?:möten|samråd)', 1),
    ],
  },
  {
    key: 'deltagande-organisationer',
    heading: 'deltagande organisationer',
    cues: [
      cue('följande organisationer|dessa organisationer|deltagande organisationer', 2),
      cue('organisationer', 1),
      cue('represent', 1),
      cue('deltog|deltar|medverka|närvar', 1),
    ],
    list: 'names',
  },
  {
    key: 'presentation',
    heading: 'presentation',
    cues: [
      cue('inleddes (?:av|med)|inledde (?:med|mötet|samrådet)|öppnades av|öppnade (?:mötet|samrådet|dialogen)', 2),
      cue('presenter', 2),
      cue('presentation', 2),
      cue('föredr|redogjorde|berättade|beskrev|beskriva|introducerade|anförande', 1),
    ],
  },
  {
    key: 'gruppdiskussioner',
    heading: 'gruppdiskussioner',
    cues: [
      cue('frågeställning|diskussionsfrågor', 3),
      cue('(?:följande|två|tre|fyra|fem|några) frågor', 2),
      cue('diskussioner i (?:mindre |små)?grupper|smågrupper|mindre grupper|gruppdiskussion|gruppsamtal|samtal i grupper|diskuterade', 1),
    ],
    list: 'questions',
  },
  {
    key: 'tematiska-grupper',
    heading: 'tematiska grupper',
    cues: [
      cue('tematisk(?:a)? grupp|temagrupp', 2),
      cue('teman', 1),
      cue('(?:välja|valt|valde|delades in|indelade|fördelade)[^.]{0,80}grupp', 1),
    ],
  },
  {
    key: 'medskick',
    heading: 'medskick',
    cues: [
      cue('lyfte|lyftes|lyfts', 1),
      cue('medskick', 1),
      cue('framför|framkom|betonade|påpekade|underströk|poängterade|konstaterade|synpunkter', 1),
    ],
    list: 'statements',
  },
  {
    key: 'avslutning',
    heading: 'avslutning',
    cues: [
      cue('avslutade|avslutades|avslutning|avrundade|avrundades', 3),
      cue('summerade|summerades|sammanfattade|sammanfattades', 2),
      cue('storgrupp|helgrupp|i plenum', 2),
      cue('återrapporter|efter (?:grupp)?diskussionerna|efter samtalen', 2),
      cue('tackade', 1),
      cue('nästa (?:möte|samråd)', 1),
    ],
  },
];

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');

/** The rule for each template section (by key, else by heading), or undefined where none fits. */
export function rulesFor(sections: readonly { key: string; heading: string }[]): (CueRule | undefined)[] {
  return sections.map((s) => CUE_RULES.find((r) => r.key === s.key) ?? CUE_RULES.find((r) => r.heading === normalise(s.heading)));
}

const itemTexts = (list: SerializedListNode): string[] =>
  list.children
    .filter((item) => !(item as { children?: SerializedLexicalNode[] }).children?.some((c) => c.type === 'list'))
    .map((item) => textContent(item).replace(/\s+/g, ' ').trim())
    .filter((t) => t !== '');

/** What a list holds, read from its items: questions, short names, or sentences. */
export function listShape(lists: readonly SerializedListNode[]): ListShape | undefined {
  const items = lists.flatMap(itemTexts);
  if (items.length === 0) return undefined;
  const share = (test: (t: string) => boolean) => items.filter(test).length / items.length;
  if (share((t) => t.endsWith('?')) >= 0.5) return 'questions';
  if (share((t) => t.split(' ').length <= 8 && !/[.!?:;]$/.test(t)) >= 0.8) return 'names';
  if (share((t) => /[.!]$/.test(t) || t.split(' ').length > 8) >= 0.5) return 'statements';
  return undefined;
}

/** How strongly a unit belongs to each rule's section (0 where nothing points there). */
export function unitScores(unit: Unit, rules: readonly (CueRule | undefined)[]): number[] {
  const text = unit.lead ? normalise(textContent(unit.lead)) : '';
  const shape = listShape(unit.lists);
  return rules.map((rule) => {
    if (!rule) return 0;
    let score = 0;
    for (const c of rule.cues) if (c.pattern.test(text)) score += c.weight;
    // A list's shape confirms what the words say; alone it says little (any minutes may list a few names).
    if (score > 0 && shape && rule.list === shape) score += LIST_WEIGHT;
    return score;
  });
}
