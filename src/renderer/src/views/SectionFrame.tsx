import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { useRovingTabIndex } from '../components/roving';
import { useT } from '../i18n/i18n';
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
  const t = useT();
  const [dialog, setDialog] = useState<'rename' | 'add' | 'remove' | null>(null);
  const [text, setText] = useState('');
  const close = () => setDialog(null);
  const roving = useRovingTabIndex<HTMLDivElement>();
  const commands = !readOnly || !!onAssign;
  return (
    <section className="section" data-section={section.key} aria-label={section.heading}>
      <header className="section-head">
        {/* The heading is the template's, in the minutes' language. */}
        <h3 title={section.guidance || undefined} lang="sv">
          {section.heading}
        </h3>
        {section.carryOver && (
          <span className="badge" title={t('document.section.carryOverTitle')}>
            {t('document.section.carryOver')}
          </span>
        )}
        {commands && (
          <div
            ref={roving.ref}
            className="section-commands"
            role="toolbar"
            aria-label={t('document.section.commands', { heading: section.heading })}
            onKeyDown={roving.onKeyDown}
            onFocus={roving.onFocus}
          >
            {onAssign && (
              <button
                type="button"
                className="section-assign"
                onClick={onAssign}
                aria-label={t('document.section.assignLabel', { heading: section.heading })}
              >
                {t('document.section.assign')}
              </button>
            )}
            {!readOnly && (
              <>
                <label title={t('document.section.printHeadingTitle')}>
                  <input type="checkbox" checked={section.printHeading} onChange={(e) => onTogglePrint(e.target.checked)} />{' '}
                  {t('document.section.printHeading')}
                </label>
                <button
                  type="button"
                  title={t('document.section.moveUp')}
                  aria-label={t('document.section.moveUpLabel', { heading: section.heading })}
                  disabled={index === 0}
                  onClick={() => onMove(-1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  title={t('document.section.moveDown')}
                  aria-label={t('document.section.moveDownLabel', { heading: section.heading })}
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
                  {t('document.section.rename')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setText('');
                    setDialog('add');
                  }}
                >
                  {t('document.section.add')}
                </button>
                <button type="button" disabled={count === 1} onClick={() => setDialog('remove')}>
                  {t('common.delete')}
                </button>
              </>
            )}
          </div>
        )}
      </header>
      {children}
      {(dialog === 'rename' || dialog === 'add') && (
        <Dialog title={dialog === 'rename' ? t('document.section.rename') : t('document.section.new')} onClose={close}>
          <label className="field">
            {t('document.section.heading')}
            <input value={text} autoFocus onChange={(e) => setText(e.target.value)} />
          </label>
          <div className="actions">
            <button type="button" onClick={close}>
              {t('common.cancel')}
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
              {dialog === 'rename' ? t('common.save') : t('document.section.addSubmit')}
            </button>
          </div>
        </Dialog>
      )}
      {dialog === 'remove' && (
        <Dialog title={t('document.section.removeTitle')} onClose={close}>
          <p>{t('document.section.removeConfirm', { heading: section.heading })}</p>
          <div className="actions">
            <button type="button" onClick={close}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                onRemove();
                close();
              }}
            >
              {t('common.delete')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
