import { $createTableNodeWithDimensions, $isTableCellNode, $isTableRowNode } from '@lexical/table';
import { $insertNodeToNearestRoot } from '@lexical/utils';
import { $createParagraphNode, $createTextNode, $isElementNode, type LexicalEditor } from 'lexical';

export type Attendance = { name: string; present: boolean };

/**
 * The rows of a "Närvarande" table: the header, then one organisation a row, in the order given.
 * Document text, Swedish whatever the UI's language: the table goes into the minutes.
 */
export function attendanceRows(list: readonly Attendance[]): [string, string][] {
  // i18n-exempt: the minutes' own words
  return [['Organisation', 'Närvarande'], ...list.map((a): [string, string] => [a.name, a.present ? 'Ja' : 'Nej'])];
}

/**
 * Inserts the attendance table where the caret is (as its own block): a real table, so it reaches
 * DOCX and PDF as one, with the header row repeated across pages.
 */
export function insertAttendanceTable(editor: LexicalEditor, list: readonly Attendance[]): void {
  const rows = attendanceRows(list);
  editor.update(() => {
    const table = $createTableNodeWithDimensions(rows.length, 2, { rows: true, columns: false });
    table.getChildren().forEach((row, r) => {
      if (!$isTableRowNode(row)) return;
      row.getChildren().forEach((cell, c) => {
        if (!$isTableCellNode(cell)) return;
        const text = rows[r]?.[c] ?? '';
        const first = cell.getFirstChild();
        const paragraph = $isElementNode(first) ? first : cell.append($createParagraphNode()).getFirstChildOrThrow();
        if ($isElementNode(paragraph)) paragraph.append($createTextNode(text));
      });
    });
    $insertNodeToNearestRoot(table);
  });
}
