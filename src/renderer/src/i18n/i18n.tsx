import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { pluralKey, renderText, translate, type MessageKey } from '../../../shared/i18n/catalogue';
import type { MessageParams, MessageText } from '../../../shared/i18n/format';
import { DEFAULT_UI_LANGUAGE, type UiLanguage } from '../../../shared/i18n/languages';

/** Keys that come as a pair `x.one` / `x.other`: the base `x` is what `tn` takes. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never;
}[MessageKey];

export type Translate = {
  (key: MessageKey, params?: MessageParams): string;
  /** The `.one` or `.other` form for n; n is also given to the message as {n}. */
  n: (base: PluralBase, n: number, params?: MessageParams) => string;
  text: (text: MessageText) => string;
  lang: UiLanguage;
};

export function translator(lang: UiLanguage): Translate {
  const t = ((key: MessageKey, params?: MessageParams) => translate(lang, key, params)) as Translate;
  t.n = (base, n, params) => translate(lang, pluralKey(base, n) as MessageKey, { n, ...params });
  t.text = (text) => renderText(lang, text);
  t.lang = lang;
  return t;
}

/**
 * The language of code outside React (error messages, the save queue): the provider keeps it in
 * step, so `t()` here and `useT()` in a component never disagree.
 */
let current: Translate = translator(DEFAULT_UI_LANGUAGE);

export function t(key: MessageKey, params?: MessageParams): string {
  return current(key, params);
}

export function currentTranslator(): Translate {
  return current;
}

type I18nState = { t: Translate; setLanguage: (lang: UiLanguage) => void };
const I18nContext = createContext<I18nState>({ t: current, setLanguage: () => undefined });

export function I18nProvider({ initial, children }: { initial: UiLanguage; children: ReactNode }) {
  const [lang, setLang] = useState<UiLanguage>(initial);
  const value = useMemo<I18nState>(() => {
    current = translator(lang);
    return { t: current, setLanguage: setLang };
  }, [lang]);
  // Screen readers pick their voice from lang; the minutes' own text says lang="sv" where it is shown.
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translator of the current language; the component re-renders when the language changes. */
export function useT(): Translate {
  return useContext(I18nContext).t;
}

export function useSetLanguage(): (lang: UiLanguage) => void {
  const set = useContext(I18nContext).setLanguage;
  return useCallback((lang: UiLanguage) => set(lang), [set]);
}

/**
 * A message the host sent both ways: by key (shown in the UI's language) and in Swedish (an older
 * host, or a message it had no key for).
 */
export function hostMessage<S extends string | undefined>(text: MessageText | undefined, swedish: S): string | S {
  return text ? current.text(text) : swedish;
}
