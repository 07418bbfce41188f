// Loaded on demand, only when a shared document is opened: the single-user app never loads Yjs.
export { SharedSectionPlugin } from './SharedSectionPlugin';
export { TeamSession, type Connection } from './team-session';
