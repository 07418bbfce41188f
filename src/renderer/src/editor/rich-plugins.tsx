import type { JSX } from 'react';
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $findMatchingParent } from '@lexical/utils';
import { $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { safeLinkUrl } from '../../../shared/document-model';

/**
 * Tables and links in a section editor. The nodes are in MINNES_NODES already; these plugins give
 * them their editing behaviour (Lexical's table selection and Tab between cells; links set on a
 * selection), and the helpers below are what the toolbar calls. Links are only web and e-mail
 * addresses, the same rule (safeLinkUrl) that import, paste and export apply. Clicking a link in
 * the editor does not follow it (no ClickableLinkPlugin): the app never navigates away.
 */

/** Whether an address may be a link: http(s) with a host, or mailto. */
export const isAllowedLinkUrl = (url: string): boolean => safeLinkUrl(url) !== null;

/**
 * Render inside each section's LexicalComposer, beside RichTextPlugin. Merged cells and cell
 * colours are off: the export keeps neither (merged cells are split into the grid).
 */
export function RichContentPlugins(): JSX.Element {
  return (
    <>
      <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} hasTabHandler />
      <LinkPlugin validateUrl={isAllowedLinkUrl} />
    </>
  );
}

/** Inserts a table at the selection: `rows` × `columns` (3 × 3 by default), its first row the header row. */
export function insertTable(editor: LexicalEditor, rows = 3, columns = 3): boolean {
  return editor.dispatchCommand(INSERT_TABLE_COMMAND, {
    rows: String(rows),
    columns: String(columns),
    includeHeaders: { rows: true, columns: false },
  });
}

/**
 * The address a person typed in the link dialog, as a link may hold it, or null when it may not be
 * one: "www.regeringen.se" is read as https://www.regeringen.se/, "karin@example.se" as a mailto:
 * address; javascript:, data: and the like are refused.
 */
export function linkUrlFromInput(input: string): string | null {
  const typed = input.trim();
  if (typed === '') return null;
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(typed)) return safeLinkUrl(`mailto:${typed}`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(typed)) return safeLinkUrl(typed);
  return /^[^\s/]+\.[^\s/]+/.test(typed) ? safeLinkUrl(`https://${typed}`) : null;
}

/**
 * Makes the selected text a link to `input` (see linkUrlFromInput), or takes the link away with
 * null. Returns false, and changes nothing, when the address may not be a link.
 */
export function setLink(editor: LexicalEditor, input: string | null): boolean {
  if (input === null) return editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
  const url = linkUrlFromInput(input);
  return url !== null && editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
}

/** The address of the link the selection is in, or null: to fill in the link dialog and show the toolbar button as on. */
export function selectedLinkUrl(editor: LexicalEditor): string | null {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return null;
    const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
    return $isLinkNode(link) ? link.getURL() : null;
  });
}
