import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { versionLabel, type DocumentListItem } from '../../../shared/document';
import { LOCKED_STATUSES, STATUS_LABELS, STATUSES, type DocumentSummary, type Status } from '../../../shared/domain';
import { api, errorMessage } from '../api';
import { Dialog, DialogFooter } from '../components/Dialog';
import { navigate } from '../lib/route';
import { BackupsDialog } from '../lazy-views';
import { useDocumentPages } from './useDocumentPages';
import { TeamDocuments } from './team/TeamDocuments';

const UNDO_MS = 8000;

function RenameDialog({ doc, onDone }: { doc: DocumentSummary; onDone: (changed: boolean) => void }) {
  const [title, setTitle] = useState(doc.title);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await api.renameDocument({ id: doc.id, title });
      onDone(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog title="Byt namn" onClose={() => onDone(false)}>
      <label className="field">
        Titel
        <input value={title} onChange={(e) => setTitle(e.target.value)} autoFocus onKeyDown={(e) => e.key === 'Enter' && void save()} />
      </label>
      <DialogFooter error={error} onCancel={() => onDone(false)} primaryLabel="Spara" onPrimary={() => void save()} />
    </Dialog>
  );
}

/** Series in the order of their newest meeting; minutes without a series last. */
function groupBySeries(docs: DocumentListItem[]): Array<[string | null, DocumentListItem[]]> {
  const groups = new Map<string | null, DocumentListItem[]>();
  for (const d of docs) groups.set(d.series, [...(groups.get(d.series) ?? []), d]);
  return [...groups].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : 0));
}

type RowProps = {
  d: DocumentListItem;
  trash: boolean;
  act: (fn: () => Promise<unknown>) => Promise<void>;
  onRename: (d: DocumentSummary) => void;
  onTrashed: (d: DocumentSummary) => void;
};

/** A record is one row: which version it shows, and the draft of the next version when one is being written. */
function VersionLine({ d }: { d: DocumentListItem }) {
  const draft = d.newerDraft;
  if (d.version === 1 && !draft) return null;
  return (
    <div className="version-line muted">
      {d.version > 1 && <span>{versionLabel(d)}</span>}
      {draft && (
        <>
          {d.version > 1 && ' · '}
          <button type="button" className="link" onClick={() => navigate({ kind: 'doc', id: draft.id })}>
            {versionLabel({ ...draft, replacesVersion: d.version, replacesStatus: d.status })}
          </button>
        </>
      )}
    </div>
  );
}

function DocumentRow({ d, trash, act, onRename, onTrashed }: RowProps) {
  // Approved and registered minutes are locked: only what can be done to them is offered.
  const locked = LOCKED_STATUSES.includes(d.status);
  return (
    <tr data-id={d.id}>
      <td>{d.meetingDate ?? '–'}</td>
      <td>
        <button type="button" className="link" onClick={() => navigate({ kind: 'doc', id: d.id })}>
          {d.title}
        </button>
        <VersionLine d={d} />
      </td>
      <td>{d.series ?? ''}</td>
      <td>
        <span className={`status status-${d.status}`}>{STATUS_LABELS[d.status]}</span>
      </td>
      <td className="row-actions">
        {trash ? (
          <button type="button" onClick={() => void act(() => api.restoreDocument({ id: d.id }))}>
            Återställ
          </button>
        ) : (
          <>
            <button type="button" onClick={() => void act(() => api.duplicateDocument({ id: d.id }))}>
              Duplicera
            </button>
            {!locked && (
              <>
                <button type="button" onClick={() => onRename(d)}>
                  Byt namn
                </button>
                <button type="button" onClick={() => void act(() => api.trashDocument({ id: d.id })).then(() => onTrashed(d))}>
                  Släng
                </button>
              </>
            )}
          </>
        )}
      </td>
    </tr>
  );
}

/** All minutes, grouped by series, newest meeting first; filter by series and status; trash and restore. */
export function DocumentsView({ refreshKey }: { refreshKey: number }) {
  const [trash, setTrash] = useState(false);
  const [series, setSeries] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [renaming, setRenaming] = useState<DocumentSummary | null>(null);
  // "Ångra" for a few seconds after Släng: the document is only in the trash, so undoing is restoring it.
  const [trashed, setTrashed] = useState<DocumentSummary | null>(null);
  useEffect(() => {
    if (!trashed) return;
    const t = setTimeout(() => setTrashed(null), UNDO_MS);
    return () => clearTimeout(t);
  }, [trashed]);
  const [backups, setBackups] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fail = useCallback((e: unknown) => setError(errorMessage(e)), []);
  const { pages, reload, loadMore } = useDocumentPages({ trash, series, status }, fail);

  const refresh = useCallback(async () => {
    try {
      await reload();
      setError(null);
    } catch (e) {
      fail(e);
    }
  }, [reload, fail]);
  useEffect(() => {
    void refresh();
  }, [refresh, refreshKey]);

  // The next page comes in as the end of the list scrolls into view (the button does the same by hand).
  const sentinel = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !pages?.hasMore) return;
    const seen = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && void loadMore(), { rootMargin: '400px' });
    seen.observe(el);
    return () => seen.disconnect();
  }, [pages, loadMore]);

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      await refresh();
    } catch (e) {
      fail(e);
    }
  };

  const allSeries = pages?.series ?? [];
  const shown = pages?.items ?? [];
  const complete = pages !== null && !pages.hasMore;

  return (
    <section className="documents">
      <div className="filters">
        <label>
          Serie{' '}
          <select value={series} onChange={(e) => setSeries(e.target.value)}>
            <option value="">Alla</option>
            {allSeries.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Status{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
            <option value="">Alla</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={trash} onChange={(e) => setTrash(e.target.checked)} /> Visa papperskorgen
        </label>
        <button type="button" className="push-right" onClick={() => setBackups(true)}>
          Säkerhetskopior…
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {trashed && (
        <p role="status" className="notice undo">
          ”{trashed.title}” ligger i papperskorgen.{' '}
          <button
            type="button"
            onClick={() => {
              const d = trashed;
              setTrashed(null);
              void act(() => api.restoreDocument({ id: d.id }));
            }}
          >
            Ångra
          </button>
        </p>
      )}
      {!trash && <TeamDocuments />}
      {pages === null ? (
        <p aria-busy="true">Läser in…</p>
      ) : shown.length === 0 ? (
        <p className="empty">
          {trash
            ? 'Papperskorgen är tom.'
            : series || status
              ? 'Inga dokument matchar filtret.'
              : 'Inga dokument ännu. Skapa ett med ”Nytt dokument” eller importera ett.'}
        </p>
      ) : (
        <table className="doclist" aria-label="Dokument">
          <thead>
            <tr>
              <th>Mötesdatum</th>
              <th>Titel</th>
              <th>Serie</th>
              <th>Status</th>
              <th>
                <span className="visually-hidden">Åtgärder</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {groupBySeries(shown).map(([name, rows]) => (
              <Fragment key={name ?? ''}>
                <tr className="group">
                  <th colSpan={5} scope="rowgroup">
                    {name ? (
                      <>
                        Serie: {name}
                        {complete ? ` (${rows.length})` : ''}{' '}
                        <button type="button" className="link" onClick={() => navigate({ kind: 'series', name })}>
                          Årscykel och medskick
                        </button>
                      </>
                    ) : (
                      `Utan serie${complete ? ` (${rows.length})` : ''}`
                    )}
                  </th>
                </tr>
                {rows.map((d) => (
                  <DocumentRow key={d.id} d={d} trash={trash} act={act} onRename={setRenaming} onTrashed={setTrashed} />
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {pages && shown.length > 0 && (
        <div className="list-footer" ref={sentinel}>
          <p role="status">{pages.hasMore ? `Visar ${shown.length} av ${pages.total} dokument.` : `${pages.total} dokument.`}</p>
          {pages.hasMore && (
            <button type="button" onClick={() => void loadMore()}>
              Visa fler
            </button>
          )}
        </div>
      )}
      {backups && <BackupsDialog onClose={() => setBackups(false)} />}
      {renaming && (
        <RenameDialog
          doc={renaming}
          onDone={(changed) => {
            setRenaming(null);
            if (changed) void refresh();
          }}
        />
      )}
    </section>
  );
}
