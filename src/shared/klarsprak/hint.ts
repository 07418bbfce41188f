import type { Severity } from './rules';

export type { Severity };

/** One piece of advice about a stretch of the text: `start`/`end` are UTF-16 offsets (end exclusive). */
export type Hint = {
  /** The id of the rule in the rules file, e.g. "lang-mening". */
  rule: string;
  severity: Severity;
  start: number;
  end: number;
  /** Swedish, for the writer. */
  message: string;
  suggestion?: string;
  /** The same in English, when the rule gives English words (for an English UI). */
  en?: { message: string; suggestion?: string };
};

export type KlarsprakOptions = {
  /** Turns the abbreviation rules on (true) or off (false); unset, the rules file decides (off as shipped). */
  abbreviations?: boolean;
  /** Overrides the long-sentence rule's maxWords. */
  maxSentenceWords?: number;
};
