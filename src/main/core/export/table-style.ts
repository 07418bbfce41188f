/**
 * The house look of tables and links, shared by the DOCX and PDF writers so both print the same:
 * thin black grid lines, a light grey header row in bold, and links in Word's Hyperlink blue,
 * underlined. Column widths follow the cells' text the same way in both (columnWidths).
 */
export const TABLE_STYLE = {
  /** Grid line width, in points. */
  borderPt: 0.5,
  borderColor: '000000',
  /** Header row fill: grey enough to tell the row apart, light enough for black text (contrast 15:1). */
  headerFill: 'D9D9D9',
  /** Cell padding, in millimetres (Word's default 0.19 cm left and right). */
  paddingMm: { x: 1.9, y: 0.8 },
} as const;

/** Word's Hyperlink style: contrast 6.2:1 on white. */
export const LINK_COLOR = '0563C1';

/** A column's text measured in the writer's own unit: its longest word and its whole longest cell. */
export type ColumnMeasure = { min: number; max: number };

/**
 * Column widths that add up to `total`, the way browsers lay out automatic tables: a column gets
 * at least its longest word when that fits, short columns get what their text needs, and the
 * space left goes to the columns with the most text. No column is narrower than `floor`.
 */
export function columnWidths(columns: readonly ColumnMeasure[], total: number, floor: number): number[] {
  const n = columns.length;
  if (n === 0) return [];
  const f = Math.min(floor, total / n);
  const min = columns.map((c) => Math.max(f, c.min));
  const max = columns.map((c, i) => Math.max(min[i]!, c.max));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const [minSum, maxSum] = [sum(min), sum(max)];
  if (minSum >= total) {
    // Even the longest words do not fit: share the width by them (they will break inside).
    return min.map((m) => (total * m) / minSum);
  }
  if (maxSum <= total) {
    // Everything fits on one line: the rest is shared in proportion to the text.
    return max.map((m) => m + ((total - maxSum) * m) / maxSum);
  }
  const slack = maxSum - minSum;
  return min.map((m, i) => m + ((total - minSum) * (max[i]! - m)) / slack);
}
