import { useDeferredValue, useId, useMemo, useState } from 'react';
import klarsprakJson from '../../../../resources/klarsprak.json';
import type { Hint, KlarsprakRules, SectionReport } from '../../../shared/klarsprak';
import { formatLix, parseKlarsprakRules, sectionReport } from '../../../shared/klarsprak';

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

const SEVERITY_LABEL: Record<Hint['severity'], string> = { info: 'Tips', varning: 'Varning' };
const EXCERPT_LENGTH = 70;

const num = (n: number) => String(n).replace('.', ',');

/** "LIX: upp till 40 lätt, 40–50 medel, över 50 svår, över 60 mycket svår." */
function scale({ lix }: KlarsprakRules): string {
  return `LIX: upp till ${num(lix.medel)} lätt, ${num(lix.medel)}–${num(lix.svar)} medel, över ${num(lix.svar)} svår, över ${num(lix.mycketSvar)} mycket svår.`;
}

function excerpt(text: string, hint: Hint): string {
  const found = text.slice(hint.start, hint.end);
  return found.length > EXCERPT_LENGTH ? `${found.slice(0, EXCERPT_LENGTH).trimEnd()} …` : found;
}

function HintItem({ text, hint }: { text: string; hint: Hint }) {
  const quote = excerpt(text, hint);
  return (
    <li className={`klarsprak-hint klarsprak-${hint.severity}`} data-rule={hint.rule}>
      <strong>{SEVERITY_LABEL[hint.severity]}:</strong> {hint.message}
      {!hint.message.includes(quote) && (
        <>
          {' '}
          <q>{quote}</q>
        </>
      )}
      {hint.suggestion && <div className="klarsprak-suggestion">{hint.suggestion}</div>}
    </li>
  );
}

function SectionResult({ section, report }: { section: KlarsprakSection; report: SectionReport }) {
  const headingId = useId();
  return (
    <section className="klarsprak-section" aria-labelledby={headingId} data-section={section.key}>
      <h3 id={headingId}>{section.heading}</h3>
      {report.words === 0 ? (
        <p className="muted">Ingen text ännu.</p>
      ) : (
        <p className={report.hard ? 'klarsprak-lix klarsprak-lix-hard' : 'klarsprak-lix'}>
          LIX <strong>{formatLix(report.lix)}</strong> – {report.level}
        </p>
      )}
      {report.words > 0 &&
        (report.hints.length === 0 ? (
          <p className="muted">Inga klarspråkstips.</p>
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
      aria-label="Klarspråk"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h2>Klarspråk</h2>
      <button type="button" className="link" onClick={onClose}>
        Stäng
      </button>
      {loaded.error !== null ? (
        <p role="alert">{loaded.error}</p>
      ) : (
        <>
          <label>
            <input type="checkbox" checked={showAbbreviations} onChange={(e) => setShowAbbreviations(e.target.checked)} /> Visa
            förkortningar
          </label>
          <p className="muted">{scale(loaded.rules)}</p>
          {reports.length === 0 ? (
            <p className="muted">Inga avsnitt att granska.</p>
          ) : (
            reports.map(({ section, report }) => <SectionResult key={section.key} section={section} report={report} />)
          )}
        </>
      )}
    </aside>
  );
}
