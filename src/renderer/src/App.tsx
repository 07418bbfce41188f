import { useState } from 'react';
import { navigate, useRoute } from './lib/route';
import { DocumentsView } from './views/DocumentsView';
import { SearchBox } from './views/SearchBox';
import { LanguageSwitch } from './components/LanguageSwitch';
import { useT } from './i18n/i18n';
import { EditorView, ImportDialog, NewDocumentDialog, SeriesView, TemplatesView } from './lazy-views';

export function App() {
  const t = useT();
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
            {t('app.name')}
          </button>
        </h1>
        <nav className="nav" aria-label={t('app.views')}>
          <button type="button" aria-current={route.kind === 'list' ? 'page' : undefined} onClick={() => navigate({ kind: 'list' })}>
            {t('app.nav.documents')}
          </button>
          <button
            type="button"
            aria-current={route.kind === 'series' ? 'page' : undefined}
            onClick={() => navigate({ kind: 'series', name: null })}
          >
            {t('app.nav.series')}
          </button>
          <button
            type="button"
            aria-current={route.kind === 'templates' ? 'page' : undefined}
            onClick={() => navigate({ kind: 'templates' })}
          >
            {t('app.nav.templates')}
          </button>
        </nav>
        <SearchBox />
        <button type="button" className="primary" onClick={() => setDialog('new')}>
          {t('app.newDocument')}
        </button>
        <button type="button" onClick={() => setDialog('import')}>
          {t('app.import')}
        </button>
        <LanguageSwitch />
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
