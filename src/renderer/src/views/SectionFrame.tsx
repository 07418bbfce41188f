import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { useRovingTabIndex } from '../components/roving';
import type { SectionMeta } from './useDocumentSession';

type Props = {
  section: SectionMeta;
  index: number;
  count: number;
  readOnly: boolean;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  onRename: (heading: string) => void;
  onTogglePrint: (print: boolean) => void;
  onAddAfter: (heading: string) => void;
  /** Shared documents: the secretary chooses who writes this section. */
  onAssign?: () => void;
  children: React.ReactNode;
};

/**
 * A section's always-visible heading and its explicit structure commands: one Tab stop for them all
 * (arrows between them), so reaching the text of a later section costs two Tabs per section, not seven.
 */
export function SectionFrame({
  section,
  index,
  count,
  readOnly,
  onMove,
  onRemove,
  onRename,
  onTogglePrint,
  onAddAfter,
  onAssign,
  children,
}: Props) {
  const [dialog, setDialog] = useState<'rename' | 'add' | 'remove' | null>(null);
  const [text, setText] = useState('');
  const close = () => setDialog(null);
  const roving = useRovingTabIndex<HTMLDivElement>();
  const commands = !readOnly || !!onAssign;
  return (
    <section className="section" data-section={section.key} aria-label={section.heading}>
      <header className="section-head">
        <h3 title={section.guidance || undefined}>{section.heading}</h3>
        {section.carryOver && (
          <span className="badge" title="Följer med till nästa möte i serien">
            Följer med
          </span>
        )}
        {commands && (
          <div
            ref={roving.ref}
            className="section-commands"
            role="toolbar"
            aria-label={`Avsnittskommandon för ${section.heading}`}
            onKeyDown={roving.onKeyDown}
            onFocus={roving.onFocus}
          >
            {onAssign && (
              <button
                type="button"
                className="section-assign"
                onClick={onAssign}
                aria-label={`Tilldela – vem skriver i ${section.heading}?`}
              >
                Tilldela…
              </button>
            )}
            {!readOnly && (
              <>
                <label title="Skriv ut rubriken i DOCX och PDF">
                  <input type="checkbox" checked={section.printHeading} onChange={(e) => onTogglePrint(e.target.checked)} /> Skriv ut rubrik
                </label>
                <button
                  type="button"
                  title="Flytta upp"
                  aria-label={`Flytta upp ${section.heading}`}
                  disabled={index === 0}
                  onClick={() => onMove(-1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  title="Flytta ned"
                  aria-label={`Flytta ned ${section.heading}`}
                  disabled={index === count - 1}
                  onClick={() => onMove(1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setText(section.heading);
                    setDialog('rename');
                  }}
                >
                  Byt rubrik
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setText('');
                    setDialog('add');
                  }}
                >
                  + Avsnitt
                </button>
                <button type="button" disabled={count === 1} onClick={() => setDialog('remove')}>
                  Ta bort
                </button>
              </>
            )}
          </div>
        )}
      </header>
      {children}
      {(dialog === 'rename' || dialog === 'add') && (
        <Dialog title={dialog === 'rename' ? 'Byt rubrik' : 'Nytt avsnitt'} onClose={close}>
          <label className="field">
            Rubrik
            <input value={text} autoFocus onChange={(e) => setText(e.target.value)} />
          </label>
          <div className="actions">
            <button type="button" onClick={close}>
              Avbryt
            </button>
            <button
              type="button"
              className="primary"
              disabled={!text.trim()}
              onClick={() => {
                if (dialog === 'rename') onRename(text.trim());
                else onAddAfter(text.trim());
                close();
              }}
            >
              {dialog === 'rename' ? 'Spara' : 'Lägg till'}
            </button>
          </div>
        </Dialog>
      )}
      {dialog === 'remove' && (
        <Dialog title="Ta bort avsnitt" onClose={close}>
          <p>Ta bort avsnittet ”{section.heading}” och dess text?</p>
          <div className="actions">
            <button type="button" onClick={close}>
              Avbryt
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                onRemove();
                close();
              }}
            >
              Ta bort
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
