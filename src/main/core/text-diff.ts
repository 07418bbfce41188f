import type { DiffLine } from '../../shared/revisions';

/**
 * Line diff (longest common subsequence). Minutes are a few thousand lines at most, and the
 * common prefix and suffix are trimmed first, so the quadratic table stays small in practice.
 */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > 25_000_000) {
    // Too large to align line by line: show it as replaced rather than stall the app.
    return [
      ...a.slice(0, start).map((text) => ({ op: 'same' as const, text })),
      ...midA.map((text) => ({ op: 'removed' as const, text })),
      ...midB.map((text) => ({ op: 'added' as const, text })),
      ...a.slice(endA).map((text) => ({ op: 'same' as const, text })),
    ];
  }
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = a.slice(0, start).map((text) => ({ op: 'same', text }));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && midA[i] === midB[j]) {
      out.push({ op: 'same', text: midA[i]! });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      out.push({ op: 'added', text: midB[j]! });
      j++;
    } else {
      out.push({ op: 'removed', text: midA[i]! });
      i++;
    }
  }
  for (const text of a.slice(endA)) out.push({ op: 'same', text });
  return out;
}
