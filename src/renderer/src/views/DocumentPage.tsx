import { useMemo, useState } from 'react';
import { emptyEditorState } from '../../../shared/content';
import type { DocumentDetail } from '../../../shared/document';
import type { MetadataKey } from '../../../shared/metadata';
import { VARIABLE_SOURCE, documentTitle, variableValue, type VariableName } from '../../../shared/variables';
import { SectionEditor } from '../editor/SectionEditor';
import { SectionFrame } from './SectionFrame';
import type { TeamBinding } from './TeamGate';
import { AssignDialog } from './team/AssignDialog';
import type { useDocumentSession } from './useDocumentSession';
import { useRovingTabIndex } from '../components/roving';
import { useT } from '../i18n/i18n';

/** The meeting-facts field a variable comes from, focused and in view. */
function focusField(field: string): void {
  const el = document.querySelector<HTMLElement>(`form.metadata [name="${field}"]`);
  el?.scrollIntoView({ block: 'center' });
  el?.focus();
}

type Session = ReturnType<typeof useDocumentSession>;
type Missing = ReturnType<typeof useMissingVariables>;
type Props = {
  doc: DocumentDetail;
  s: Session;
  team: TeamBinding | null;
  title: string;
  missing: Missing['missing'];
};

/**
 * The variables without a value; each chip goes to the field that fills it. One Tab stop for all
 * of them (arrows between), so a new document's many empty fields do not lengthen the way to the text.
 */
function MissingChips({ missing }: { missing: Missing['missing'] }) {
  const t = useT();
  const roving = useRovingTabIndex<HTMLDivElement>();
  return (
    <div
      className="missing"
      role="note"
      aria-label={t('document.missing.label')}
      ref={roving.ref}
      onKeyDown={roving.onKeyDown}
      onFocus={roving.onFocus}
    >
      {t('document.missing.intro')}{' '}
      {missing.map((m) =>
        m.field ? (
          <button key={m.name} type="button" className="chip chip-missing" onClick={() => focusField(m.field!)}>
            {t('document.missing.fill', { variable: `{{${m.name}}}`, field: t(`meta.${m.field}`) })}
          </button>
        ) : (
          <span key={m.name} className="chip chip-missing">
            {t('document.missing.unknown', { variable: `{{${m.name}}}` })}
          </span>
        ),
      )}
    </div>
  );
}

/** The variables the title and text use that have no value yet, each with the field that gives it one. */
export function useMissingVariables(doc: DocumentDetail, s: Session) {
  const title = documentTitle(doc.titlePattern, s.metadata);
  const missing = useMemo(() => {
    const names = [...new Set([...title.missing, ...s.usedVariables.filter((n) => !variableValue(n, s.metadata))])];
    return names.map((n) => ({ name: n, field: VARIABLE_SOURCE[n.toLowerCase() as VariableName] as MetadataKey | undefined }));
  }, [title.missing, s.usedVariables, s.metadata]);
  const missingFields = useMemo(() => new Set(missing.flatMap((m) => (m.field ? [m.field] : []))), [missing]);
  return { title: title.text, missing, missingFields };
}

/** The page as it will print: header, title, what is missing, and one editor per section (F6's region "Avsnitten"). */
export function DocumentPage({ doc, s, team, title, missing }: Props) {
  const t = useT();
  const [assign, setAssign] = useState<{ key: string; heading: string } | null>(null);
  const readOnly = doc.readOnly;
  const role = team?.session.account.user.role ?? null;
  const sectionReadOnly = (key: string) => readOnly || (team !== null && !(team.session.section(key)?.writable ?? true));
  const move = (i: number, delta: -1 | 1) => {
    const next = [...s.sections];
    const [item] = next.splice(i, 1);
    if (item) next.splice(i + delta, 0, item);
    s.setSections(next);
  };
  const initial = (key: string) => doc.content.sections.find((x) => x.key === key)?.state ?? emptyEditorState();

  return (
    <section className="page-region" aria-label={t('document.page.sections')} data-region="sections">
      <article className="page" aria-label={t('document.page.label')}>
        {/* The page as it prints: its letterhead is the minutes' own text. */}
        <div className="page-header" lang="sv">
          <div>
            {/* i18n-exempt: the letterhead's placeholder, document text */}
            <strong>{s.metadata.department || 'Departement'}</strong>
            <div>{s.metadata.unit}</div>
          </div>
          <div className="right">
            <div>{s.metadata.documentType}</div>
            <div>{s.metadata.date}</div>
            {/* i18n-exempt: the letterhead's Dnr, document text */}
            {s.metadata.dnr && <div>Dnr {s.metadata.dnr}</div>}
          </div>
        </div>
        <h1 className="doc-title" data-testid="doc-title" lang="sv">
          {title}
        </h1>
        {missing.length > 0 && <MissingChips missing={missing} />}
        {s.sections.map((sec, i) => (
          <SectionFrame
            key={sec.key}
            section={sec}
            index={i}
            count={s.sections.length}
            // A shared document keeps the structure it was shared with: its sections are the server's documents.
            readOnly={readOnly || team !== null}
            onAssign={role === 'sekreterare' && !readOnly ? () => setAssign({ key: sec.key, heading: sec.heading }) : undefined}
            onMove={(d) => move(i, d)}
            onRemove={() => s.setSections(s.sections.filter((x) => x.key !== sec.key))}
            onRename={(heading) => s.setSections(s.sections.map((x) => (x.key === sec.key ? { ...x, heading } : x)))}
            onTogglePrint={(printHeading) => s.setSections(s.sections.map((x) => (x.key === sec.key ? { ...x, printHeading } : x)))}
            onAddAfter={(heading) => s.addSection(sec.key, heading)}
          >
            <SectionEditor
              sectionKey={sec.key}
              heading={sec.heading}
              guidance={sec.guidance || t('document.page.writeHere')}
              initialState={initial(sec.key)}
              readOnly={sectionReadOnly(sec.key)}
              onChange={s.onSectionChange}
              onBlur={s.flush}
              collab={team && <team.Plugin session={team.session} sectionKey={sec.key} initialState={initial(sec.key)} />}
            />
          </SectionFrame>
        ))}
        {assign && <AssignDialog docId={doc.id} section={assign.key} heading={assign.heading} onClose={() => setAssign(null)} />}
      </article>
    </section>
  );
}
