import type { DocumentDetail } from '../../../shared/document';
import type { Translate } from '../i18n/i18n';

/** Why the document cannot be edited, in the UI's language when the host gave the reason by key. */
export function lockText(doc: Pick<DocumentDetail, 'readOnlyReason' | 'readOnlyText'>, t: Translate): string {
  return doc.readOnlyText ? t.text(doc.readOnlyText) : (doc.readOnlyReason ?? '');
}
