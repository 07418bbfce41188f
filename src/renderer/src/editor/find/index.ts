/** Find and replace in the open document. Wiring: FindProvider around the document, FindBar in it, FindRegistrationPlugin in each section editor. */
export { FindBar } from './FindBar';
export { FindProvider, FindRegistrationPlugin, useFind, useRouteFindQuery, type FindSection } from './registry';
export { useFindShortcuts, type FindMode } from './shortcuts';
