import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentListItem, VersionInfo } from '../../../shared/document';
import { LOCKED_STATUSES, STATUSES, type DocumentSummary, type Status } from '../../../shared/domain';
import { api, errorMessage } from '../api';
import { Dialog, DialogFooter } from '../components/Dialog';
import { useT, type Translate } from '../i18n/i18n';
import { navigate } from '../lib/route';
import { BackupsDialog } from '../lazy-views';
import { useDocumentPages } from './useDocumentPages';
import { TeamDocuments } from './team/TeamDocuments';

const UNDO_MS = 8000;

function RenameDialog({ doc, onDone }: { doc: DocumentSummary; onDone: (changed: boolean) => void }) {
  const t = useT();
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
    <Dialog title={t('documents.rename.title')} onClose={() => onDone(false)}>
      <label className="field">
        {t('meta.title')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} autoFocus onKeyDown={(e) => e.key === 'Enter' && void save()} />
      </label>
      <DialogFooter error={error} onCancel={() => onDone(false)} primaryLabel={t('common.save')} onPrimary={() => void save()} />
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

/**
 * "version 2, ersätter version 1", and for a version still being written "version 2 (utkast),
 * ersätter justerad version 1": what it is and what it will replace.
 */
function versionText(t: Translate, v: Pick<VersionInfo, 'version' | 'replacesVersion' | 'replacesStatus'> & { status: Status }): string {
  const lower = (s: Status) => t(`status.${s}`).toLocaleLowerCase(t.lang);
  const version = String(v.version);
  if (v.replacesVersion === null) return t('documents.version.plain', { version });
  const replaced = String(v.replacesVersion);
  if (v.status !== 'utkast' && v.status !== 'granskning') return t('documents.version.replaces', { version, replaced });
  const status = lower(v.status);
  if (!v.replacesStatus) return t('documents.version.draftReplaces', { version, status, replaced });
  return t('documents.version.draftReplacesStatus', { version, status, replaced, replacedStatus: lower(v.replacesStatus) });
}

/** A record is one row: which version it shows, and the draft of the next version when one is being written. */
function VersionLine({ d }: { d: DocumentListItem }) {
  const t = useT();
  const draft = d.newerDraft;
  if (d.version === 1 && !draft) return null;
  return (
    <div className="version-line muted">
      {d.version > 1 && <span>{versionText(t, d)}</span>}
      {draft && (
        <>
          {d.version > 1 && ' · '}
          <button type="button" className="link" onClick={() => navigate({ kind: 'doc', id: draft.id })}>
            {versionText(t, { ...draft, replacesVersion: d.version, replacesStatus: d.status })}
          </button>
        </>
      )}
    </div>
  );
}

function DocumentRow({ d, trash, act, onRename, onTrashed }: RowProps) {
  // Approved and registered minutes are locked: only what can be done to them is offered.
  const locked = LOCKED_STATUSES.includes(d.status);
  const t = useT();
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
        <span className={`status status-${d.status}`}>{t(`status.${d.status}`)}</span>
      </td>
      <td className="row-actions">
        {trash ? (
          <button type="button" onClick={() => void act(() => api.restoreDocument({ id: d.id }))}>
            {t('documents.row.restore')}
          </button>
        ) : (
          <>
            <button type="button" onClick={() => void act(() => api.duplicateDocument({ id: d.id }))}>
              {t('documents.row.duplicate')}
            </button>
            {!locked && (
              <>
                <button type="button" onClick={() => onRename(d)}>
                  {t('documents.row.rename')}
                </button>
                <button type="button" onClick={() => void act(() => api.trashDocument({ id: d.id })).then(() => onTrashed(d))}>
                  {t('documents.row.trash')}
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
  const t = useT();
  const [trash, setTrash] = useState(false);
  const [series, setSeries] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [renaming, setRenaming] = useState<DocumentSummary | null>(null);
  // "Ångra" for a few seconds after Släng: the document is only in the trash, so undoing is restoring it.
  const [trashed, setTrashed] = useState<DocumentSummary | null>(null);
  useEffect(() => {
    if (!trashed) return;
    const timer = setTimeout(() => setTrashed(null), UNDO_MS);
    return () => clearTimeout(timer);
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
          {t('meta.series')}{' '}
          <select value={series} onChange={(e) => setSeries(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {allSeries.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          {t('documents.list.status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
            <option value="">{t('common.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={trash} onChange={(e) => setTrash(e.target.checked)} /> {t('documents.list.showTrash')}
        </label>
        <button type="button" className="push-right" onClick={() => setBackups(true)}>
          {t('documents.list.backups')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {trashed && (
        <p role="status" className="notice undo">
          {t('documents.list.trashed', { title: trashed.title })}{' '}
          <button
            type="button"
            onClick={() => {
              const d = trashed;
              setTrashed(null);
              void act(() => api.restoreDocument({ id: d.id }));
            }}
          >
            {t('documents.list.undo')}
          </button>
        </p>
      )}
      {!trash && <TeamDocuments />}
      {pages === null ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">
          {trash ? t('documents.list.emptyTrash') : series || status ? t('documents.list.noMatch') : t('documents.list.empty')}
        </p>
      ) : (
        <table className="doclist" aria-label={t('documents.list.label')}>
          <thead>
            <tr>
              <th>{t('documents.list.meetingDate')}</th>
              <th>{t('meta.title')}</th>
              <th>{t('meta.series')}</th>
              <th>{t('documents.list.status')}</th>
              <th>
                <span className="visually-hidden">{t('common.actions')}</span>
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
                        {complete ? t('documents.list.seriesCount', { name, n: rows.length }) : t('documents.list.series', { name })}{' '}
                        <button type="button" className="link" onClick={() => navigate({ kind: 'series', name })}>
                          {t('documents.list.cycle')}
                        </button>
                      </>
                    ) : complete ? (
                      t('documents.list.noSeriesCount', { n: rows.length })
                    ) : (
                      t('documents.list.noSeries')
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
          <p role="status">
            {pages.hasMore
              ? // The counts as digits, ungrouped: "Visar 50 av 50000 dokument."
                t('documents.list.showing', { shown: String(shown.length), total: String(pages.total) })
              : t.n('documents.list.total', pages.total, { n: String(pages.total) })}
          </p>
          {pages.hasMore && (
            <button type="button" onClick={() => void loadMore()}>
              {t('documents.list.more')}
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
