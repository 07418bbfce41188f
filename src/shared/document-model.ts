import type { HouseStyle } from './house-style';

/**
 * MinutesDocument: the one input of both writers (DOCX, PDF). Variables are already filled;
 * nothing here refers to Lexical, the store or a template.
 */
export type Run = { type: 'text'; text: string; bold?: boolean; italic?: boolean } | { type: 'break' };

export type ListItem = {
  /** The item's own text. */
  runs: Run[];
  /** Lists nested under this item, in order. */
  children: ListBlock[];
};

/** `start`: the first number of an ordered list when it is not 1 (a list pasted from Word that starts at 3). */
export type ListBlock = { type: 'list'; ordered: boolean; start?: number; items: ListItem[] };
export type HeadingBlock = { type: 'heading'; level: 1 | 2 | 3; runs: Run[] };
export type ParagraphBlock = { type: 'paragraph'; runs: Run[] };
export type Block = HeadingBlock | ParagraphBlock | ListBlock;

export type MinutesHeader = {
  /** e.g. "Arbetsmarknadsdepartementet" (bold, top left). */
  department: string;
  /** e.g. "Enheten för integration och arbetet mot utanförskap". */
  unit: string;
  /** e.g. "Minnesanteckningar" (top right). */
  documentType: string;
  /** ISO date "2026-06-09", or "" when not known. */
  date: string;
  /** Diarienummer, e.g. "A2026/01234", or "" when not set. */
  dnr: string;
};

export type MinutesDocument = {
  header: MinutesHeader;
  /** Printed with the Title style; also the document's metadata title. */
  title: string;
  blocks: Block[];
  /**
   * Document properties: author is the unit, language sv-SE. `created` (ISO 8601 date-time), when
   * set, is the one timestamp the writers stamp into the file, so the same model always gives the
   * same bytes (the register package depends on it); without it they use the current time.
   */
  properties: { subject: string; author: string; language: 'sv-SE'; keywords?: string; created?: string };
  style: HouseStyle;
};

/** Plain text of a run list, for search, tests and PDF tags. */
export function runsText(runs: Run[]): string {
  return runs.map((r) => (r.type === 'text' ? r.text : '\n')).join('');
}
