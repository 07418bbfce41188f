import type { DocumentDetail } from '../../../shared/document';
import { useT, type Translate } from '../i18n/i18n';
import { navigate } from '../lib/route';

/**
 * "Version 1", "Version 2, ersätter version 1", and for a version still being written
 * "Version 2 (utkast), ersätter justerad version 1": what it is and what it will replace.
 */
function versionText(t: Translate, doc: DocumentDetail): string {
  const version = String(doc.version);
  if (doc.replacesVersion === null) return t('document.versionNote.plain', { version });
  const replaced = String(doc.replacesVersion);
  if (doc.status !== 'utkast' && doc.status !== 'granskning') return t('document.versionNote.replaces', { version, replaced });
  const status = t(`document.version.status.${doc.status}`);
  if (!doc.replacesStatus) return t('document.versionNote.draftReplaces', { version, status, replaced });
  const replacedStatus = t(`document.version.status.${doc.replacesStatus}`);
  return t('document.versionNote.draftReplacesStatus', { version, status, replaced, replacedStatus });
}

/**
 * Which version of the record this is, beside the status: "Version 2 (utkast), ersätter justerad
 * version 1". An old version says what replaced it and opens the latest one.
 */
export function VersionNote({ doc }: { doc: DocumentDetail }) {
  const t = useT();
  if (doc.latestVersion === 1) return null;
  const latest = doc.versions.find((v) => v.version === doc.latestVersion);
  return (
    <span className="version-note" data-testid="version-note">
      {versionText(t, doc)}
      {latest && latest.id !== doc.id && (
        <>
          {' · '}
          <button type="button" className="link" onClick={() => navigate({ kind: 'doc', id: latest.id })}>
            {t('document.versionNote.replacedBy', { version: String(latest.version) })}
          </button>
        </>
      )}
    </span>
  );
}
