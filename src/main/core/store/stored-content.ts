import { ContentEnvelopeSchema, type ContentEnvelope } from '../../../shared/content';
import { checkContentBounds, clampSections } from '../../../shared/limits';
import { MinnesError } from '../errors';

/**
 * Content on its way into and out of the store. What is refused on the way in (too deep, too
 * large) is never written, so the last good content stays; what was stored before these limits,
 * or written around the app, is reported on the way out rather than crashing whatever reads it.
 */

/**
 * The content as it may be stored: lists past the deepest level flattened (every item kept, as
 * import and paste do), then refused if still too deep or too large for SQLite's JSON functions or
 * the editor to read back. Autosave and the API pass here, so no path stores what import would not.
 */
export function storableContent(content: ContentEnvelope): ContentEnvelope {
  const { sections, flattened } = clampSections(content.sections);
  const clamped = flattened ? { ...content, sections } : content;
  const bounds = checkContentBounds(clamped);
  if (!bounds.ok) throw new MinnesError(bounds.error.code, `${bounds.error.message} Det som redan var sparat finns kvar.`);
  return clamped;
}

export function unreadableContent(id: string, why: string): MinnesError {
  return new MinnesError(
    'content_unreadable',
    `Innehållet i dokumentet går inte att läsa in (${why}). Dokumentet finns kvar: du kan slänga det, spara det som rå JSON (minnes export ${id} --out dokument.json) eller återställa en tidigare version från historiken.`,
  );
}

/** The stored envelope, parsed and checked, or a MinnesError saying that it cannot be read. */
export function parseStoredContent(id: string, raw: string): ContentEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw unreadableContent(id, 'det är inte giltig JSON');
  }
  const bounds = checkContentBounds(value);
  if (!bounds.ok) throw unreadableContent(id, bounds.error.code === 'content_too_deep' ? 'det är för djupt nästlat' : 'det är för stort');
  const parsed = ContentEnvelopeSchema.safeParse(value);
  if (!parsed.success) throw unreadableContent(id, 'det har inte det format Minnes sparar');
  return parsed.data;
}
