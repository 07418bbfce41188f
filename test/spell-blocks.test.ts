import { createHeadlessEditor } from '@lexical/headless';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpellChecker } from '../src/main/core/spell/checker';
import { MINNES_NODES } from '../src/shared/lexical/nodes';
import { $createVariableNode } from '../src/shared/lexical/variable-node';
import type { SpellChecker } from '../src/shared/spell/hunspell';
import { $allTextBlocks, $blockOf, $blockText, pointAt } from '../src/shared/spell/lexical-blocks';
import { checkText } from '../src/shared/spell/verdict';

/**
 * What the editor plugin reads (src/shared/spell/lexical-blocks.ts): each block's text with its
 * text nodes' places in it, so a misspelling maps back to Lexical points, checked on a headless
 * editor with the app's nodes and the real Hunspell.
 */
let checker: SpellChecker;
beforeAll(async () => {
  checker = await loadSpellChecker();
}, 60_000);

function editorWith(build: () => void): LexicalEditor {
  const editor = createHeadlessEditor({
    nodes: [...MINNES_NODES],
    onError: (e) => {
      throw e;
    },
  });
  editor.update(build, { discrete: true });
  return editor;
}

describe('blocks as the spell-check reads them', () => {
  it('joins a word split over bold and plain text, and breaks words at a variable chip and a line break', () => {
    const editor = editorWith(() => {
      const p = $createParagraphNode();
      p.append($createTextNode('Ett samm'), $createTextNode('råd').toggleFormat('bold'), $createTextNode(' den'));
      p.append($createVariableNode('Datum'), $createTextNode('anteckninagr'), $createLineBreakNode(), $createTextNode('slut'));
      $getRoot().append($createHeadingNode('h2').append($createTextNode('Rubrik')), p);
    });
    editor.getEditorState().read(() => {
      const blocks = $allTextBlocks();
      expect(blocks.map((b) => $blockText(b).text)).toEqual(['Rubrik', 'Ett sammråd den anteckninagr\nslut']);
      const { text, segments } = $blockText(blocks[1]!);
      const bad = checkText(text, (w) => checker.check(w), new Set()).misspelled;
      expect(bad.map((t) => t.word)).toEqual(['sammråd', 'anteckninagr']);
      const [first] = bad;
      const start = pointAt(segments, first!.start, false);
      const end = pointAt(segments, first!.end, true);
      // starts in "Ett samm" at 4, ends at the end of the bold "råd"
      expect(start).toEqual({ key: segments[0]!.key, offset: 4 });
      expect(end).toEqual({ key: segments[1]!.key, offset: 3 });
    });
  });

  it('takes each list item as its own block, a nested list too, and finds the block of a text node', () => {
    const editor = editorWith(() => {
      const inner = $createListNode('bullet').append($createListItemNode().append($createTextNode('inre ordfelx')));
      const outer = $createListItemNode().append($createTextNode('yttre punkt'));
      const list = $createListNode('bullet').append(outer, $createListItemNode().append(inner));
      $getRoot().append(list, $createParagraphNode());
    });
    editor.getEditorState().read(() => {
      const texts = $allTextBlocks().map((b) => $blockText(b).text);
      expect(texts).toEqual(['yttre punkt', 'inre ordfelx']);
      const leaf = $allTextBlocks()[1]!.getFirstDescendant();
      expect($blockOf(leaf!)?.getKey()).toBe($allTextBlocks()[1]!.getKey());
    });
  });
});
