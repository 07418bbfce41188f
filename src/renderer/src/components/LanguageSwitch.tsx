import { useState } from 'react';
import { errorMessage, api } from '../api';
import { LANGUAGE_NAMES, UI_LANGUAGES } from '../../../shared/i18n/languages';
import { useSetLanguage, useT } from '../i18n/i18n';

/**
 * The other language, named in itself ("English" in the Swedish UI, "Svenska" in the English
 * one), so whoever cannot read the current language still finds the way back.
 */
export function LanguageSwitch() {
  const t = useT();
  const setLanguage = useSetLanguage();
  const [error, setError] = useState<string | null>(null);
  const other = UI_LANGUAGES.find((l) => l !== t.lang) ?? 'sv';
  const change = async () => {
    try {
      const saved = await api.setPreferences({ uiLanguage: other });
      setError(null);
      setLanguage(saved.uiLanguage);
    } catch (e) {
      setError(t('app.languageFailed', { reason: errorMessage(e) }));
    }
  };
  return (
    <>
      <button type="button" className="language-switch" lang={other} onClick={() => void change()}>
        {LANGUAGE_NAMES[other]}
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </>
  );
}
