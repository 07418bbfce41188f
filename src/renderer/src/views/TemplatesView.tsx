import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract';
import type { Template } from '../../../shared/template';
import { api, errorMessage } from '../api';
import { Dialog } from '../components/Dialog';
import { downloadBlob } from '../lib/save-file';
import { TemplateEditor } from './TemplateEditor';

type Summary = Output<'listTemplates'>[number];

/** The template manager: list, edit (a new version each time), duplicate, delete when unused, JSON in and out. */
export function TemplatesView() {
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
      if (file.size > 1024 * 1024) throw new Error('Mallfilen är för stor (högst 1 MB).');
      const t = await api.importTemplate({ json: await file.text() });
      return `Mallen ”${t.name}” importerades (version ${t.version}).`;
    });

  if (editing) {
    return (
      <TemplateEditor
        template={editing}
        onDone={(saved) => {
          setEditing(null);
          if (saved) setMessage(`Mallen ”${saved.name}” sparades som version ${saved.version}.`);
          void refresh();
        }}
      />
    );
  }

  return (
    <section className="templates" aria-label="Mallar">
      <div className="doc-bar">
        <h2>Mallar</h2>
        <label className="file-button">
          Importera mall…
          <input
            type="file"
            accept=".json,application/json"
            aria-label="Importera mall (JSON)"
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
      <table className="doclist" aria-label="Mallista">
        <thead>
          <tr>
            <th>Namn</th>
            <th>Nyckel</th>
            <th>Version</th>
            <th>Avsnitt</th>
            <th>
              <span className="visually-hidden">Åtgärder</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {templates?.map((t) => (
            <tr key={t.key} data-key={t.key}>
              <td>
                {t.name} {t.builtin && <span className="badge">Inbyggd</span>}
                <div className="muted">{t.description}</div>
              </td>
              <td>{t.key}</td>
              <td>{t.version}</td>
              <td>{t.sectionCount}</td>
              <td className="row-actions">
                {!t.builtin && (
                  <button type="button" onClick={() => void act(async () => setEditing(await api.getTemplate({ key: t.key })))}>
                    Redigera
                  </button>
                )}
                <button
                  type="button"
                  onClick={() => {
                    setDuplicating(t);
                    setNewKey(`${t.key}-kopia`);
                    setNewName(`${t.name} (kopia)`);
                  }}
                >
                  Duplicera
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void act(async () => {
                      const f = await api.exportTemplate({ key: t.key });
                      downloadBlob(new Blob([f.json], { type: 'application/json' }), f.fileName);
                    })
                  }
                >
                  Exportera
                </button>
                {!t.builtin && (
                  <button
                    type="button"
                    onClick={() => void act(async () => (await api.deleteTemplate({ key: t.key }), `Mallen ”${t.name}” togs bort.`))}
                  >
                    Ta bort
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {duplicating && (
        <Dialog title="Duplicera mall" onClose={() => setDuplicating(null)}>
          <label className="field">
            Namn
            <input value={newName} onChange={(e) => setNewName(e.target.value)} />
          </label>
          <label className="field">
            Nyckel (a–z, 0–9, bindestreck)
            <input value={newKey} onChange={(e) => setNewKey(e.target.value)} />
          </label>
          <div className="actions">
            <button type="button" onClick={() => setDuplicating(null)}>
              Avbryt
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                const from = duplicating;
                setDuplicating(null);
                void act(async () => (await api.duplicateTemplate({ key: from.key, newKey, newName }), `Mallen ”${newName}” skapades.`));
              }}
            >
              Duplicera
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
