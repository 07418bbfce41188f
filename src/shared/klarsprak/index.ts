/** Klarspråk hints (Myndigheternas skrivregler, Språkrådet): pure functions, rules as data. */
export type { Hint, KlarsprakOptions, Severity } from './hint';
export { klarsprakHints } from './hints';
export type { LixCounts, LixLevel } from './lix';
export { DEFAULT_LIX_LEVELS, LIX_LEVEL_IDS, LONG_WORD_LETTERS, formatLix, lix, lixCounts, lixLevel, roundLix } from './lix';
export type { SectionReport } from './report';
export { sectionReport } from './report';
export type { KlarsprakRule, KlarsprakRules, LixLevels } from './rules';
export { KLARSPRAK_FORMAT, KlarsprakRulesError, KlarsprakRulesSchema, parseKlarsprakRules, parseKlarsprakRulesJson } from './rules';
export type { Span } from './tokenize';
export { splitSentences, splitWords } from './tokenize';
