import { useState } from 'react';
import { navigate, useRoute } from './lib/route';
import { DocumentsView } from './views/DocumentsView';
import { SearchBox } from './views/SearchBox';
import { EditorView, ImportDialog, NewDocumentDialog, SeriesView, TemplatesView } from './lazy-views';

export function App() {
  const route = useRoute();
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  const [listVersion, setListVersion] = useState(0);
  const open = (id: string) => {
    setDialog(null);
    setListVersion((v) => v + 1);
    navigate({ kind: 'doc', id });
  };
  return (
    <div className="app">
      <header className="topbar">
        <h1>
          <button type="button" className="brand" onClick={() => navigate({ kind: 'list' })}>
            Minnes
          </button>
        </h1>
        <nav className="nav" aria-label="Vyer">
          <button type="button" aria-current={route.kind === 'list' ? 'page' : undefined} onClick={() => navigate({ kind: 'list' })}>
            Dokument
          </button>
          <button
            type="button"
            aria-current={route.kind === 'series' ? 'page' : undefined}
            onClick={() => navigate({ kind: 'series', name: null })}
          >
            Årscykler
          </button>
          <button
            type="button"
            aria-current={route.kind === 'templates' ? 'page' : undefined}
            onClick={() => navigate({ kind: 'templates' })}
          >
            Mallar
          </button>
        </nav>
        <SearchBox />
        <button type="button" className="primary" onClick={() => setDialog('new')}>
          Nytt dokument…
        </button>
        <button type="button" onClick={() => setDialog('import')}>
          Importera…
        </button>
      </header>
      <main>
        {route.kind === 'doc' ? (
          <EditorView id={route.id} />
        ) : route.kind === 'series' ? (
          <SeriesView name={route.name} />
        ) : route.kind === 'templates' ? (
          <TemplatesView />
        ) : (
          <DocumentsView refreshKey={listVersion} />
        )}
      </main>
      {dialog === 'new' && <NewDocumentDialog onClose={() => setDialog(null)} onCreated={open} />}
      {dialog === 'import' && <ImportDialog onClose={() => setDialog(null)} onImported={open} />}
    </div>
  );
}
