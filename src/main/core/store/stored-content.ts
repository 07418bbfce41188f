import { ContentEnvelopeSchema, type ContentEnvelope } from '../../../shared/content';
import { checkContentBounds, clampSections, MAX_LIST_DEPTH } from '../../../shared/limits';
import type { MessageText } from '../../../shared/i18n/format';
import { msg, userError, type MinnesError } from '../errors';

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
  if (!bounds.ok) throw userError(bounds.error.code, 'errors.content.kept', { problem: boundsText(bounds.error) });
  return clamped;
}

/** `why` is one of errors.content.unreadable.*. */
export function unreadableContent(id: string, why: MessageText): MinnesError {
  return userError('content_unreadable', 'errors.content.unreadable', { id, why });
}

/** shared/limits' refusal (its message is Swedish only) as a catalogue message with the same Swedish. */
export function boundsText(error: { code: 'content_too_deep' | 'content_too_large' }): MessageText {
  return error.code === 'content_too_deep'
    ? msg('errors.content.tooDeep', { max: String(MAX_LIST_DEPTH) })
    : msg('errors.content.tooLarge');
}

/** The stored envelope, parsed and checked, or a MinnesError saying that it cannot be read. */
export function parseStoredContent(id: string, raw: string): ContentEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw unreadableContent(id, msg('errors.content.unreadable.notJson'));
  }
  const bounds = checkContentBounds(value);
  if (!bounds.ok) {
    throw unreadableContent(
      id,
      bounds.error.code === 'content_too_deep' ? msg('errors.content.unreadable.tooDeep') : msg('errors.content.unreadable.tooLarge'),
    );
  }
  const parsed = ContentEnvelopeSchema.safeParse(value);
  if (!parsed.success) throw unreadableContent(id, msg('errors.content.unreadable.format'));
  return parsed.data;
}
