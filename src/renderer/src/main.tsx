import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_UI_LANGUAGE, type UiLanguage } from '../../shared/i18n/languages';
import { App } from './App';
import { api } from './api';
import { I18nProvider } from './i18n/i18n';
import { preloadView } from './lazy-views';
import { parseRoute } from './lib/route';
import './styles.css';

/** The stored language before the first paint, so an English user never sees a Swedish flash. */
async function startLanguage(): Promise<UiLanguage> {
  try {
    return (await api.getPreferences({})).uiLanguage;
  } catch {
    return DEFAULT_UI_LANGUAGE;
  }
}

preloadView(parseRoute(window.location.hash));
const root = document.getElementById('root');
if (root) {
  void startLanguage().then((lang) =>
    createRoot(root).render(
      <StrictMode>
        <I18nProvider initial={lang}>
          <App />
        </I18nProvider>
      </StrictMode>,
    ),
  );
}
