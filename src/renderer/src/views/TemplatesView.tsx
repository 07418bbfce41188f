import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract';
import { ApiError } from '../../../shared/result';
import type { Template } from '../../../shared/template';
import { api, errorMessage } from '../api';
import { Dialog } from '../components/Dialog';
import { useT } from '../i18n/i18n';
import { downloadBlob } from '../lib/save-file';
import { TemplateEditor } from './TemplateEditor';

type Summary = Output<'listTemplates'>[number];

/** The template manager: list, edit (a new version each time), duplicate, delete when unused, JSON in and out. */
export function TemplatesView() {
  const t = useT();
  const [templates, setTemplates] = useState<Summary[] | null>(null);
  const [editing, setEditing] = useState<Template | null>(null);
  const [duplicating, setDuplicating] = useState<Summary | null>(null);
  const [newKey, setNewKey] = useState('');
  const [newName, setNewName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setTemplates(await api.listTemplates({}));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const act = async (fn: () => Promise<string | void>) => {
    setError(null);
    setMessage(null);
    try {
      const msg = await fn();
      if (msg) setMessage(msg);
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const importFile = (file: File | undefined) =>
    file &&
    void act(async () => {
      // An ApiError, so that errorMessage shows it (a plain Error reads as "an unexpected error").
      if (file.size > 1024 * 1024) throw new ApiError('too_large', t('series.templates.tooLarge'));
      const imported = await api.importTemplate({ json: await file.text() });
      return t('series.templates.imported', { name: imported.name, version: imported.version });
    });

  if (editing) {
    return (
      <TemplateEditor
        template={editing}
        onDone={(saved) => {
          setEditing(null);
          if (saved) setMessage(t('series.templates.saved', { name: saved.name, version: saved.version }));
          void refresh();
        }}
      />
    );
  }

  return (
    <section className="templates" aria-label={t('series.templates.heading')}>
      <div className="doc-bar">
        <h2>{t('series.templates.heading')}</h2>
        <label className="file-button">
          {t('series.templates.import')}
          <input
            type="file"
            accept=".json,application/json"
            aria-label={t('series.templates.importFile')}
            onChange={(e) => importFile(e.target.files?.[0])}
          />
        </label>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {message && (
        <p role="status" className="notice ok">
          {message}
        </p>
      )}
      <table className="doclist" aria-label={t('series.templates.list')}>
        <thead>
          <tr>
            <th>{t('series.templates.name')}</th>
            <th>{t('series.templates.key')}</th>
            <th>{t('series.templates.version')}</th>
            <th>{t('series.templates.sections')}</th>
            <th>
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {templates?.map((tpl) => (
            <tr key={tpl.key} data-key={tpl.key}>
              <td>
                {tpl.name} {tpl.builtin && <span className="badge">{t('series.templates.builtin')}</span>}
                <div className="muted" lang="sv">
                  {tpl.description}
                </div>
              </td>
              <td>{tpl.key}</td>
              <td>{tpl.version}</td>
              <td>{tpl.sectionCount}</td>
              <td className="row-actions">
                {!tpl.builtin && (
                  <button type="button" onClick={() => void act(async () => setEditing(await api.getTemplate({ key: tpl.key })))}>
                    {t('series.templates.edit')}
                  </button>
                )}
                <button
                  type="button"
                  onClick={() => {
                    setDuplicating(tpl);
                    setNewKey(`${tpl.key}-kopia`);
                    setNewName(`${tpl.name} (kopia)`);
                  }}
                >
                  {t('series.templates.duplicate')}
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void act(async () => {
                      const f = await api.exportTemplate({ key: tpl.key });
                      downloadBlob(new Blob([f.json], { type: 'application/json' }), f.fileName);
                    })
                  }
                >
                  {t('series.templates.export')}
                </button>
                {!tpl.builtin && (
                  <button
                    type="button"
                    onClick={() =>
                      void act(async () => (await api.deleteTemplate({ key: tpl.key }), t('series.templates.deleted', { name: tpl.name })))
                    }
                  >
                    {t('common.delete')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {duplicating && (
        <Dialog title={t('series.templates.duplicateTitle')} onClose={() => setDuplicating(null)}>
          <label className="field">
            {t('series.templates.name')}
            <input value={newName} onChange={(e) => setNewName(e.target.value)} />
          </label>
          <label className="field">
            {t('series.templates.keyField')}
            <input value={newKey} onChange={(e) => setNewKey(e.target.value)} />
          </label>
          <div className="actions">
            <button type="button" onClick={() => setDuplicating(null)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                const from = duplicating;
                setDuplicating(null);
                void act(
                  async () => (
                    await api.duplicateTemplate({ key: from.key, newKey, newName }),
                    t('series.templates.created', { name: newName })
                  ),
                );
              }}
            >
              {t('series.templates.duplicate')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
