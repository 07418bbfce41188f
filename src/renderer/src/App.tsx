import { useCallback, useEffect, useState } from 'react';
import type { DocumentSummary } from '../../shared/domain';
import { api, errorMessage } from './api';
import { DocumentList } from './components/DocumentList';

export function App() {
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setDocs(await api.listDocuments({}));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const create = async () => {
    try {
      await api.createDocument({});
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div className="app">
      <header className="topbar">
        <h1>Minnes</h1>
        <button type="button" className="primary" onClick={() => void create()}>
          Nytt dokument
        </button>
      </header>
      {error && (
        <div role="alert" className="error">
          {error}
        </div>
      )}
      <main>{docs === null ? <p aria-busy="true">Läser in…</p> : <DocumentList docs={docs} />}</main>
    </div>
  );
}
