import { DocumentIdSchema } from '../shared/domain';
import { SlugSchema } from '../shared/template';

/** One Y.Doc per section of shared minutes: `minutes/<documentId>/<sectionKey>`. */
export type SectionName = { documentId: string; section: string };

export const sectionDocumentName = (n: SectionName): string => `minutes/${n.documentId}/${n.section}`;

/** Null for any other name: the server opens no Y.Doc that is not a section of minutes. */
export function parseSectionName(name: string): SectionName | null {
  const parts = name.split('/');
  if (parts.length !== 3 || parts[0] !== 'minutes') return null;
  const [, documentId, section] = parts as [string, string, string];
  if (!DocumentIdSchema.safeParse(documentId).success || !SlugSchema.safeParse(section).success) return null;
  return { documentId, section };
}
