import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, type SerializedLexicalNode } from 'lexical';
import { expect } from 'vitest';
import type { SectionContent } from '../src/shared/content';
import { MINNES_NODES } from '../src/shared/lexical/nodes';
import type { ImportResult } from '../src/main/core/import';

/** Helpers shared by the import tests (not a test file itself). */

/** A fixture from test/fixtures, else from ../shared/fixtures (where the ministry's reference minutes live). */
export function fixture(name: string): Buffer {
  const local = join(__dirname, 'fixtures', name);
  return readFileSync(existsSync(local) ? local : join(__dirname, '..', '..', 'shared', 'fixtures', name));
}

export type Node = SerializedLexicalNode & {
  text?: string;
  format?: number;
  name?: string;
  tag?: string;
  value?: number;
  children?: Node[];
};

export const blocks = (s: SectionContent): Node[] => (s.state.root as unknown as Node).children ?? [];

/** An inline node as [type, text or variable name, format]: what a reader of the JSON cares about. */
export const inline = (block: Node) => (block.children ?? []).map((c) => [c.type, c.text ?? c.name ?? '', c.format ?? 0] as const);

/** A block's text with line breaks as "\n" and variables as {{name}}. */
export const text = (n: Node): string =>
  n.type === 'linebreak' ? '\n' : n.type === 'variable' ? `{{${n.name}}}` : (n.text ?? (n.children ?? []).map(text).join(''));

/** The items of a list that hold text (not Lexical's wrappers around a nested list). */
export const textItems = (list: Node) => (list.children ?? []).filter((i) => i.children?.[0]?.type !== 'list');

/** Every section's JSON loads in a real Lexical editor and comes back unchanged, with the same text. */
export function expectLoadsInLexical(r: ImportResult): void {
  const texts = r.sections.map((s) => {
    const editor = createHeadlessEditor({
      namespace: 'import-test',
      nodes: [...MINNES_NODES],
      onError: (e) => {
        throw e;
      },
    });
    const state = editor.parseEditorState(s.state);
    expect(JSON.parse(JSON.stringify(state.toJSON()))).toEqual(JSON.parse(JSON.stringify(s.state)));
    return state.read(() => $getRoot().getTextContent()).trim();
  });
  expect(texts.filter((t) => t !== '').join('\n\n')).toBe(r.plainText);
}
