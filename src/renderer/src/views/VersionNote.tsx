import type { DocumentDetail } from '../../../shared/document';
import { versionLabel } from '../../../shared/document';
import { navigate } from '../lib/route';

/**
 * Which version of the record this is, beside the status: "Version 2 (utkast), ersätter justerad
 * version 1". An old version says what replaced it and opens the latest one.
 */
export function VersionNote({ doc }: { doc: DocumentDetail }) {
  if (doc.latestVersion === 1) return null;
  const latest = doc.versions.find((v) => v.version === doc.latestVersion);
  const label = versionLabel(doc);
  return (
    <span className="version-note" data-testid="version-note">
      {label[0]!.toUpperCase() + label.slice(1)}
      {latest && latest.id !== doc.id && (
        <>
          {' · '}
          <button type="button" className="link" onClick={() => navigate({ kind: 'doc', id: latest.id })}>
            Ersatt – öppna version {latest.version}
          </button>
        </>
      )}
    </span>
  );
}
