import type { SectionContent } from '../../../shared/content';
import type { Metadata } from '../../../shared/metadata';
import {
  FREE_TITLE_PATTERN,
  SlugSchema,
  toSlug,
  uniqueSlug,
  TEMPLATE_FORMAT,
  TEMPLATE_FORMAT_VERSION,
  type Template,
  type TemplateSection,
} from '../../../shared/template';
import type { Db } from '../db';
import { loadDocument } from '../document-store';
import { userError } from '../errors';
import { blocksToMarkdown } from '../model/blocks-to-markdown';
import { lexicalToBlocks } from '../model/lexical-to-blocks';
import { checkNewTemplate, findLiveTemplate, validateTemplate, writeTemplate } from './manage';
import { getTemplate, saveTemplate } from './template-repo';

/**
 * The meeting facts that describe the series, not one meeting: a template made from minutes
 * starts the next minutes with them. Date, dnr, theme and title belong to the one meeting.
 */
const TEMPLATE_DEFAULTS: ReadonlyArray<keyof Metadata> = ['department', 'unit', 'documentType', 'meetingType', 'place', 'host', 'series'];

/** Section keys in a document are free text; a template needs unique slugs. */
function sectionKey(key: string, index: number, taken: Set<string>): string {
  const base = SlugSchema.safeParse(key).success ? key : toSlug(key, `avsnitt-${index + 1}`);
  const candidate = uniqueSlug(base, (k) => taken.has(k));
  taken.add(candidate);
  return candidate;
}

/**
 * Carried-over sections keep their text (variables stay `{{name}}`, so they fill in anew);
 * fresh sections start empty, with their guidance, since last meeting's takeaways are not the next one's.
 */
function templateSection(s: SectionContent, index: number, taken: Set<string>): TemplateSection {
  const defaultContent = s.carryOver ? blocksToMarkdown(lexicalToBlocks(s.state, () => null)) : '';
  return {
    key: sectionKey(s.key, index, taken),
    heading: s.heading.trim().slice(0, 200) || `Avsnitt ${index + 1}`,
    printHeading: s.printHeading,
    guidance: s.guidance,
    defaultContent,
    carryOver: s.carryOver,
  };
}

/**
 * "Spara som mall": a user template made from minutes, saved as the next version of `key`.
 * Section order, headings and guidance are the document's; title pattern and house style come
 * from the document's own template (at the version it was made from) when it has one.
 */
export function templateFromDocument(db: Db, documentId: string, key: string, name: string): Template {
  checkNewTemplate(key, name);
  const doc = loadDocument(db, documentId);
  if (doc.content.sections.length === 0) {
    throw userError('template_empty', 'errors.template.noSections');
  }
  let source: Template | null = null;
  if (doc.templateKey) {
    try {
      source = getTemplate(db, doc.templateKey, doc.templateVersion ?? undefined);
    } catch {
      source = null; // A template that is gone leaves the defaults below.
    }
  }
  const defaults: Partial<Metadata> = {};
  for (const field of TEMPLATE_DEFAULTS) if (doc.metadata[field]) defaults[field] = doc.metadata[field];
  const taken = new Set<string>();
  const sections = doc.content.sections.map((s, i) => templateSection(s, i, taken));
  return writeTemplate(db, () => {
    const previous = findLiveTemplate(db, key);
    const template = validateTemplate({
      format: TEMPLATE_FORMAT,
      formatVersion: TEMPLATE_FORMAT_VERSION,
      key,
      name: name.trim(),
      version: 1, // saveTemplate gives it the next free version
      description: previous?.description ?? `Skapad från ${doc.title}`.slice(0, 2000),
      titlePattern: source?.titlePattern ?? FREE_TITLE_PATTERN,
      defaults,
      sections,
      ...(source ? { houseStyle: source.houseStyle } : {}),
    });
    return saveTemplate(db, template);
  });
}
