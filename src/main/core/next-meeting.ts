import { CONTENT_FORMAT, CONTENT_VERSION, type SectionContent } from '../../shared/content';
import type { DocumentDetail } from '../../shared/document';
import { MetadataSchema, type Metadata } from '../../shared/metadata';
import type { Db } from './db';
import { insertDocument, loadDocument } from './document-store';
import { userError } from './errors';
import { sectionFromTemplate } from './new-document';
import { requireLiveTemplate } from './templates/manage';

/** The meeting facts that stay the same from one meeting of a series to the next. */
const CARRIED_METADATA: ReadonlyArray<keyof Metadata> = ['department', 'unit', 'documentType', 'place', 'host', 'meetingType', 'series'];

export type NextMeetingOptions = { date: string; templateKey?: string; series?: string; theme?: string };

/**
 * "Nästa möte": a new draft for the next meeting of a series, from the series' template,
 * prefilled from the previous minutes. Sections the template carries over keep the previous
 * meeting's text (participating organisations, background); fresh ones (presentation, questions,
 * takeaways) start from the template, never from last meeting's text. The title follows the new date.
 */
export function nextMeeting(db: Db, previousId: string, opts: NextMeetingOptions): DocumentDetail {
  const prev = loadDocument(db, previousId);
  const templateKey = opts.templateKey ?? prev.templateKey;
  if (!templateKey) {
    throw userError('template_required', 'errors.nextMeeting.noTemplate');
  }
  const template = requireLiveTemplate(db, templateKey);
  const carried: Partial<Metadata> = {};
  for (const key of CARRIED_METADATA) if (prev.metadata[key]) carried[key] = prev.metadata[key];
  const metadata = MetadataSchema.parse({
    ...template.defaults,
    ...carried,
    date: opts.date,
    ...(opts.series ? { series: opts.series } : {}),
    ...(opts.theme ? { theme: opts.theme } : {}),
  });
  const previous = new Map(prev.content.sections.map((s) => [s.key, s]));
  const sections: SectionContent[] = template.sections.map((s) => {
    const old = previous.get(s.key);
    const fresh = sectionFromTemplate(s);
    return s.carryOver && old ? { ...fresh, state: old.state } : fresh;
  });
  return insertDocument(db, { metadata, content: { format: CONTENT_FORMAT, version: CONTENT_VERSION, sections }, template });
}
