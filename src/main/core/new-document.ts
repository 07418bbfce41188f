import { CONTENT_FORMAT, CONTENT_VERSION, emptyEditorState, type ContentEnvelope, type SectionContent } from '../../shared/content';
import type { DocumentDetail } from '../../shared/document';
import { MetadataSchema, type Metadata } from '../../shared/metadata';
import type { Template, TemplateSection } from '../../shared/template';
import type { Db } from './db';
import { insertDocument } from './document-store';
import { editorState } from './import/lexical-json';
import { markdownToBlocks } from './import/markdown-to-lexical';
import { requireLiveTemplate } from './templates/manage';

/** A template section's default content (Markdown with variables) as a fresh editor state. */
export function sectionFromTemplate(s: TemplateSection): SectionContent {
  const blocks = markdownToBlocks(s.defaultContent);
  return {
    key: s.key,
    heading: s.heading,
    printHeading: s.printHeading,
    guidance: s.guidance,
    carryOver: s.carryOver,
    state: blocks.length > 0 ? editorState(blocks) : emptyEditorState(),
  };
}

export function contentFromTemplate(t: Template): ContentEnvelope {
  return { format: CONTENT_FORMAT, version: CONTENT_VERSION, sections: t.sections.map(sectionFromTemplate) };
}

/** A new draft from a template: its default metadata, then what the caller gives. */
export function createFromTemplate(db: Db, templateKey: string, metadata: Partial<Metadata> = {}): DocumentDetail {
  const template = requireLiveTemplate(db, templateKey);
  const merged = MetadataSchema.parse({ ...template.defaults, ...metadata });
  return insertDocument(db, { metadata: merged, content: contentFromTemplate(template), template });
}
