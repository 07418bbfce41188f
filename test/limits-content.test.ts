import fc from 'fast-check';
import type { SerializedEditorState } from 'lexical';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isMinnesError } from '../src/main/core/errors';
import { importText } from '../src/main/core/import';
import { editorState, list, paragraph, inlineNodes, type ListEntry } from '../src/main/core/import/lexical-json';
import { CONTENT_FORMAT, CONTENT_VERSION } from '../src/shared/content';
import { cleanPastedHtml } from '../src/shared/lexical/clean-paste';
import { MAX_JSON_DEPTH, MAX_LIST_DEPTH, checkContentBounds, clampListDepth } from '../src/shared/limits';
import { expectLoadsInLexical } from './import-helpers';
import { listDepth, type JsonNode } from './support/list-depth';

/**
 * The shared limits on their own (clampListDepth, checkContentBounds), the paste path's, and a
 * property over nesting depth, size and shape: every Markdown input imports with all its words,
 * or is refused with a MinnesError.
 */

function texts(root: JsonNode): string[] {
  const out: string[] = [];
  const stack: JsonNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (typeof n.text === 'string') out.push(n.text);
    for (const c of [...(n.children ?? [])].reverse()) stack.push(c);
  }
  return out;
}

/** Words that start with a letter: list numbers ("1.") are numbering in one reading and text in another. */
const words = (s: string) => s.match(/\p{L}[\p{L}\p{N}]*/gu) ?? [];

/** A list `depth` levels deep built as the API or the editor would store it, one word a level. */
function deepState(depth: number): SerializedEditorState {
  let nested: ListEntry[] = [];
  for (let d = depth - 1; d >= 0; d--) {
    nested = [
      { inline: inlineNodes([{ kind: 'text', text: `ord${d}`, format: 0 }]), nested: nested.length ? [list(false, 1, nested)] : [] },
    ];
  }
  return editorState([list(false, 1, nested), paragraph(inlineNodes([{ kind: 'text', text: 'slut', format: 0 }]))]);
}

const envelope = (state: SerializedEditorState) => ({
  format: CONTENT_FORMAT,
  version: CONTENT_VERSION,
  sections: [{ key: 'innehall', heading: 'Innehåll', printHeading: false, guidance: '', carryOver: false, state }],
});

describe('clampListDepth and checkContentBounds', () => {
  it('a 1,200-level list (too deep to store) flattens to 12 levels with every item, in order, and then passes', () => {
    const state = deepState(1200);
    expect(checkContentBounds(envelope(state))).toMatchObject({ ok: false, error: { code: 'content_too_deep' } });
    const r = clampListDepth(state);
    expect(r.flattened).toBe(true);
    expect(listDepth(r.state.root as unknown as JsonNode)).toBe(MAX_LIST_DEPTH);
    expect(texts(r.state.root as unknown as JsonNode)).toEqual([...Array.from({ length: 1200 }, (_, d) => `ord${d}`), 'slut']);
    expect(checkContentBounds(envelope(r.state))).toEqual({ ok: true });
  });

  it('leaves a list within the limit as it is', () => {
    const state = deepState(MAX_LIST_DEPTH);
    expect(clampListDepth(state)).toEqual({ state, flattened: false });
    expect(checkContentBounds(envelope(state))).toEqual({ ok: true });
  });

  it('refuses JSON nested 10,000 levels or larger than the size limit, without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { children: [deep] };
    expect(checkContentBounds(deep)).toMatchObject({
      ok: false,
      error: { code: 'content_too_deep', message: expect.stringMatching(/för djupt/) },
    });
    expect(checkContentBounds({ a: Array(MAX_JSON_DEPTH - 2).fill('x') })).toEqual({ ok: true });
    const big = { texts: Array<string>(110).fill('x'.repeat(1024 * 1024)) };
    expect(checkContentBounds(big)).toMatchObject({
      ok: false,
      error: { code: 'content_too_large', message: expect.stringMatching(/för stort/) },
    });
  });
});

describe('pasting deep lists', () => {
  const parser = new DOMParser() as unknown as globalThis.DOMParser;
  const paste = (html: string): Document =>
    parser.parseFromString(`<!doctype html><html><body>${cleanPastedHtml(html, parser)}</body></html>`, 'text/html');
  /** Each item's own text, without the lists nested in it. */
  const itemTexts = (doc: Document) =>
    Array.from(doc.querySelectorAll('li')).map((li) =>
      Array.from(li.childNodes)
        .filter((c) => c.nodeType === 3 || !['UL', 'OL'].includes((c as Element).tagName))
        .map((c) => c.textContent ?? '')
        .join('')
        .trim(),
    );
  const depthOf = (doc: Document) =>
    Math.max(
      0,
      ...Array.from(doc.querySelectorAll('li')).map((li) => {
        let d = 0;
        for (let p: Element | null = li; p; p = p.parentElement) if (p.tagName === 'UL' || p.tagName === 'OL') d++;
        return d;
      }),
    );

  it('a Word paste with mso-list level1 … level300 gives at most 12 levels and keeps every item', () => {
    const items = Array.from(
      { length: 300 },
      (_, i) =>
        `<p class=MsoListParagraph style='mso-list:l0 level${i + 1} lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;</span></span><![endif]>punkt${i}</p>`,
    ).join('');
    const doc = paste(`<html><body>${items}</body></html>`);
    expect(depthOf(doc)).toBe(MAX_LIST_DEPTH);
    expect(itemTexts(doc)).toEqual(Array.from({ length: 300 }, (_, i) => `punkt${i}`));
  });

  it('300 nested <ul> from a web page give at most 12 levels and keep every word in order', () => {
    const html = Array.from({ length: 300 }, (_, i) => `<ul><li>punkt${i}`).join('') + '</li></ul>'.repeat(300);
    const doc = paste(html);
    expect(depthOf(doc)).toBeLessThanOrEqual(MAX_LIST_DEPTH);
    expect(itemTexts(doc)).toEqual(Array.from({ length: 300 }, (_, i) => `punkt${i}`));
  });

  it('10,000 nested <div><b> keep their words without overflowing the stack', () => {
    const html = Array.from({ length: 10_000 }, (_, i) => `<div><b>ord${i} `).join('') + '</b></div>'.repeat(10_000);
    const doc = paste(html);
    expect(words(doc.body.textContent ?? '')).toEqual(Array.from({ length: 10_000 }, (_, i) => `ord${i}`));
  });
});

describe('property: Markdown of any nesting imports with all its words or is refused with a message', () => {
  const word = fc.stringMatching(/^[a-zåäö]{1,8}$/);
  const prefix = fc.constantFrom('- ', '* ', '1. ', '3) ', '> ', '>', '  ', '    ', '\t');
  const line = fc
    .tuple(fc.array(prefix, { maxLength: 60 }), fc.integer({ min: 0, max: 40 }), word)
    .map(([p, indent, w]) => `${' '.repeat(indent)}${p.join('')}${w}`);
  const doc = fc.oneof(
    fc.array(line, { minLength: 1, maxLength: 80 }).map((ls) => ls.join('\n')),
    fc
      .record({
        depth: fc.integer({ min: 1, max: 400 }),
        step: fc.integer({ min: 1, max: 5 }),
        marker: fc.constantFrom('-', '+', '1.', '>', '- >'),
        w: word,
      })
      .map(({ depth, step, marker, w }) => Array.from({ length: depth }, (_, d) => `${' '.repeat(d * step)}${marker} ${w}${d}`).join('\n')),
  );

  it('holds', () => {
    fc.assert(
      fc.property(doc, (md) => {
        let r;
        try {
          r = importText(Buffer.from(`---\ntitle: Prov\n---\n${md}\n`), 'prov.md');
        } catch (e) {
          expect(isMinnesError(e)).toBe(true);
          return;
        }
        const got = r.sections.flatMap((s) => words(texts(s.state.root as unknown as JsonNode).join(' ')));
        // As a multiset: text after a nested list in the same item moves before it (Lexical's list shape), flattened or not.
        const want = words(md);
        expect([...got].sort()).toEqual([...want].sort());
        for (const s of r.sections) expect(listDepth(s.state.root as unknown as JsonNode)).toBeLessThanOrEqual(MAX_LIST_DEPTH);
        if (r.notices.some((n) => n.key === 'errors.notice.flattened')) expectLoadsInLexical(r);
      }),
      { seed: Number(process.env.MINNES_FC_SEED ?? 20260609), numRuns: Number(process.env.MINNES_FC_RUNS ?? 150) },
    );
  });
});
