import { useDeferredValue, useId, useMemo, useState } from 'react';
import klarsprakJson from '../../../../resources/klarsprak.json';
import type { Hint, KlarsprakRules, SectionReport } from '../../../shared/klarsprak';
import { LIX_LEVEL_IDS, parseKlarsprakRules, sectionReport } from '../../../shared/klarsprak';
import type { MessageKey } from '../../../shared/i18n/catalogue';
import { fillNode } from '../editor/fill-node';
import { formatUiNumber } from '../i18n/formats';
import { useT, type Translate } from '../i18n/i18n';

export type KlarsprakSection = { key: string; heading: string; text: string };
export type KlarsprakPanelProps = { sections: KlarsprakSection[]; onClose: () => void };

type Loaded = { rules: KlarsprakRules; error: null } | { rules: null; error: string };

/** The shipped rules, checked once; a broken file shows its message in the panel instead of breaking the editor. */
const loaded: Loaded = (() => {
  try {
    return { rules: parseKlarsprakRules(klarsprakJson), error: null };
  } catch (e) {
    return { rules: null, error: e instanceof Error ? e.message : String(e) };
  }
})();

const SEVERITY_LABEL: Record<Hint['severity'], MessageKey> = {
  info: 'editor.klarsprak.severity.info',
  varning: 'editor.klarsprak.severity.varning',
};
const EXCERPT_LENGTH = 70;

/** "LIX: upp till 40 lätt, 40–50 medel, över 50 svår, över 60 mycket svår." */
function scale(t: Translate, { lix }: KlarsprakRules): string {
  return t('editor.klarsprak.scale', { medium: lix.medel, hard: lix.svar, veryHard: lix.mycketSvar });
}

function excerpt(text: string, hint: Hint): string {
  const found = text.slice(hint.start, hint.end);
  return found.length > EXCERPT_LENGTH ? `${found.slice(0, EXCERPT_LENGTH).trimEnd()} …` : found;
}

/**
 * One hint, in English when the UI is and the rule gives English words; otherwise its Swedish
 * words, marked lang="sv". The quoted text is the minutes' own, always Swedish.
 */
function HintItem({ text, hint }: { text: string; hint: Hint }) {
  const t = useT();
  const quote = excerpt(text, hint);
  const en = t.lang === 'en' ? hint.en : undefined;
  const swedish = t.lang === 'sv' ? undefined : 'sv';
  const message = en ? { text: en.message, lang: undefined } : { text: hint.message, lang: swedish };
  const suggestion =
    en?.suggestion !== undefined
      ? { text: en.suggestion, lang: undefined }
      : hint.suggestion !== undefined
        ? { text: hint.suggestion, lang: swedish }
        : null;
  return (
    <li className={`klarsprak-hint klarsprak-${hint.severity}`} data-rule={hint.rule}>
      <strong>{t(SEVERITY_LABEL[hint.severity])}</strong> <span lang={message.lang}>{message.text}</span>
      {!message.text.includes(quote) && (
        <>
          {' '}
          <q lang="sv">{quote}</q>
        </>
      )}
      {suggestion && (
        <div className="klarsprak-suggestion" lang={suggestion.lang}>
          {suggestion.text}
        </div>
      )}
    </li>
  );
}

function SectionResult({ section, report }: { section: KlarsprakSection; report: SectionReport }) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="klarsprak-section" aria-labelledby={headingId} data-section={section.key}>
      <h3 id={headingId} lang="sv">
        {section.heading}
      </h3>
      {report.words === 0 ? (
        <p className="muted">{t('editor.klarsprak.noText')}</p>
      ) : (
        <p className={report.hard ? 'klarsprak-lix klarsprak-lix-hard' : 'klarsprak-lix'}>
          {fillNode(
            t('editor.klarsprak.lix', { level: t(`editor.klarsprak.level.${LIX_LEVEL_IDS[report.level]}`) }),
            'lix',
            <strong>{formatUiNumber(t.lang, report.lix, 1)}</strong>,
          )}
        </p>
      )}
      {report.words > 0 &&
        (report.hints.length === 0 ? (
          <p className="muted">{t('editor.klarsprak.noHints')}</p>
        ) : (
          <ul className="klarsprak-hints">
            {report.hints.map((h, i) => (
              <HintItem key={`${h.rule}-${h.start}-${i}`} text={section.text} hint={h} />
            ))}
          </ul>
        ))}
    </section>
  );
}

/**
 * Klarspråk side panel: per section its LIX and level and the hints of the rules in
 * resources/klarsprak.json. Advisory only: it never blocks editing, and the reports are computed
 * from a deferred copy of the sections so typing stays fast. Escape (with focus in the panel) or
 * "Stäng" closes it.
 */
export function KlarsprakPanel({ sections, onClose }: KlarsprakPanelProps) {
  const t = useT();
  const [showAbbreviations, setShowAbbreviations] = useState(false);
  const deferred = useDeferredValue(sections);
  const reports = useMemo(() => {
    const rules = loaded.rules;
    if (!rules) return [];
    return deferred.map((section) => ({ section, report: sectionReport(section.text, rules, { abbreviations: showAbbreviations }) }));
  }, [deferred, showAbbreviations]);

  return (
    <aside
      className="side klarsprak-panel"
      aria-label={t('editor.klarsprak.title')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h2>{t('editor.klarsprak.title')}</h2>
      <button type="button" className="link" onClick={onClose}>
        {t('common.close')}
      </button>
      {loaded.error !== null ? (
        <p role="alert">{loaded.error}</p>
      ) : (
        <>
          <label>
            <input type="checkbox" checked={showAbbreviations} onChange={(e) => setShowAbbreviations(e.target.checked)} />{' '}
            {t('editor.klarsprak.showAbbreviations')}
          </label>
          <p className="muted">{scale(t, loaded.rules)}</p>
          {reports.length === 0 ? (
            <p className="muted">{t('editor.klarsprak.noSections')}</p>
          ) : (
            reports.map(({ section, report }) => <SectionResult key={section.key} section={section} report={report} />)
          )}
        </>
      )}
    </aside>
  );
}
