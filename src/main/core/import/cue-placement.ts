import type { SerializedListNode } from '@lexical/list';
import type { BlockNode } from './lexical-json';
import { rulesFor, unitScores, type Unit } from './section-cues';

/**
 * Minutes without headings → which template section each block belongs to. The body is cut into
 * units (a paragraph and the lists after it, so a lead "…lyfte civilsamhället bl.a.:" keeps its
 * bullets, however many lists a blank line made of them), each unit is scored against every
 * section's cues, and the sections are chosen in template order so that the total score is highest.
 * Order matters because single words mislead: "Efter gruppdiskussionerna lyfte varje tematisk grupp
 * sina viktigaste medskick" names three sections, and only the order around it says which it is.
 * A unit without cues stays with the section before it; units before the first cue go to the first
 * section. Nothing is dropped.
 */

export type Placement = {
  /** Section index (in template order) for each block, in block order. */
  sectionOf: number[];
  /** Whether any block was placed outside the first section, i.e. whether the cues split anything. */
  split: boolean;
};

function units(blocks: readonly BlockNode[]): { unit: Unit; size: number }[] {
  const out: { unit: Unit; size: number }[] = [];
  for (const block of blocks) {
    const last = out[out.length - 1];
    if (block.type === 'list' && last) {
      last.unit.lists.push(block as SerializedListNode);
      last.size++;
    } else if (block.type === 'list') out.push({ unit: { lists: [block as SerializedListNode] }, size: 1 });
    else out.push({ unit: { lead: block, lists: [] }, size: 1 });
  }
  return out;
}

/**
 * Best non-decreasing choice of sections: best[j] is the highest total of a placement of the units
 * so far whose last unit is in section j. A unit either stays in the section of the one before it
 * (scoring nothing) or moves to a section at or after it that its cues point to (scoring them).
 */
function bestSections(scores: readonly number[][], sectionCount: number): number[] {
  let best = Array.from({ length: sectionCount }, (_, j) => (j === 0 ? 0 : -Infinity));
  const from: number[][] = [];
  for (const row of scores) {
    const next = [...best];
    const prev = best.map((_, j) => j);
    let top = -Infinity;
    let topAt = 0;
    for (let j = 0; j < sectionCount; j++) {
      if ((best[j] ?? -Infinity) > top) {
        top = best[j] ?? -Infinity;
        topAt = j;
      }
      const w = row[j] ?? 0;
      if (w > 0 && top + w > (next[j] ?? -Infinity)) {
        next[j] = top + w;
        prev[j] = topAt;
      }
    }
    from.push(prev);
    best = next;
  }
  let at = 0;
  for (let j = 1; j < sectionCount; j++) if ((best[j] ?? -Infinity) > (best[at] ?? -Infinity)) at = j;
  const path: number[] = [];
  for (let i = scores.length - 1; i >= 0; i--) {
    path.push(at);
    at = from[i]?.[at] ?? 0;
  }
  return path.reverse();
}

export function placeByCues(blocks: readonly BlockNode[], sections: readonly { key: string; heading: string }[]): Placement {
  const rules = rulesFor(sections);
  const cut = units(blocks);
  const chosen = bestSections(
    cut.map((u) => unitScores(u.unit, rules)),
    Math.max(1, sections.length),
  );
  const sectionOf = cut.flatMap((u, i) => Array.from({ length: u.size }, () => chosen[i] ?? 0));
  return { sectionOf, split: sectionOf.some((s) => s > 0) };
}
