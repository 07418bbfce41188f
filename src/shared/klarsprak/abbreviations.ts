/**
 * Swedish abbreviations the sentence splitter knows, written lower-case with their periods. They
 * are the splitter's, not the abbreviation rule's (that list is data in resources/klarsprak.json):
 * LIX and sentence length must not depend on which rules are switched on.
 */

/** Never end a sentence: "bl.a. Kompis Sverige", "kl. 9.00", "t.ex. SKR". */
export const NON_ENDING_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'bl.a.',
  't.ex.',
  'ex.',
  'dvs.',
  'd.v.s.',
  'fr.o.m.',
  't.o.m.',
  's.k.',
  'p.g.a.',
  'pga.',
  'f.d.',
  'm.a.o.',
  'kl.',
  'ca.',
  'nr.',
  's.',
  'st.',
  'tel.',
  'jfr.',
  'resp.',
  'ang.',
  'enl.',
  'inkl.',
  'exkl.',
  'obs.',
  'ev.',
  'avd.',
  'kap.',
  'prop.',
  'dir.',
  'mom.',
  'p.',
  'ff.',
  'fr.',
  'ggr.',
  'tkr.',
  'mkr.',
  'mnkr.',
  'mdkr.',
  'milj.',
  'jan.',
  'feb.',
  'aug.',
  'sept.',
  'okt.',
  'nov.',
  'dec.',
]);

/** Often the last word of a sentence ("valvaker m.m."): they end one when a capital letter follows. */
export const MAY_END_ABBREVIATIONS: ReadonlySet<string> = new Set(['m.m.', 'm.fl.', 'osv.', 'o.s.v.', 'etc.', 'o.d.', 'e.d.', 'mm.']);
