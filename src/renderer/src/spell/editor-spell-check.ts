import { mergeRegister } from '@lexical/utils';
import { $getNodeByKey, $getSelection, $isRangeSelection, $isRootOrShadowRoot, type LexicalEditor, type NodeKey } from 'lexical';
import { acceptedWords, sameWords, type AcceptedWords } from '../../../shared/spell/accepted';
import { checkText } from '../../../shared/spell/verdict';
import { $allTextBlocks, $blockOf, $blockText, $isTextBlock, pointAt, type TextPoint } from '../../../shared/spell/lexical-blocks';
import { domRange } from './block-text';
import { acquireHighlight, releaseHighlight } from './highlights';
import {
  ignoredWords,
  loadPersonalWords,
  personalWords,
  requestVerdicts,
  spellAvailable,
  spellLookup,
  subscribeSpell,
} from './spell-service';

/** A misspelt word on screen: its DOM range (in the highlight) and its Lexical points (for a replacement). */
export type Mark = { word: string; range: Range; start: TextPoint; end: TextPoint };
export type MenuRequest = { mark: Mark; x: number; y: number };

/** Quiet time after the last change before the changed blocks are checked. */
const DEBOUNCE_MS = 150;
/** Longest stretch of checking in one go; the rest follows after the browser has painted and taken input. */
const SLICE_MS = 8;

/**
 * One section editor's spell-check: which blocks changed (from Lexical's dirty nodes), checking
 * those only, after a pause, and keeping their marks in the shared highlight. It only reads the
 * editor state; the one write is a replacement the person picks in the menu (SpellCheckPlugin).
 */
export class EditorSpellCheck {
  private readonly marks = new Map<NodeKey, Mark[]>();
  private readonly dirty = new Set<NodeKey>();
  /** Blocks with words the host has not answered yet. */
  private readonly waiting = new Set<NodeKey>();
  /**
   * Where the caret was after the last change: the word there is being typed and is not flagged
   * until the caret moves (a space, an arrow key, a click), as in a word processor.
   */
  private typing: { block: NodeKey; caret: TextPoint } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private names: readonly string[] = [];
  private accepted: AcceptedWords = new Set();
  private readonly highlight = acquireHighlight();
  private root: HTMLElement | null = null;
  private keyboardMenuAt = 0;
  private readonly cleanup: () => void;

  constructor(
    private readonly editor: LexicalEditor,
    private readonly openMenu: (m: MenuRequest) => void,
  ) {
    this.cleanup = mergeRegister(
      editor.registerRootListener((root, prev) => this.setRoot(root, prev)),
      editor.registerEditableListener(() => this.checkAll()),
      editor.registerUpdateListener((u) => this.onUpdate(u.dirtyElements, u.dirtyLeaves)),
      subscribeSpell((e) => (e === 'words' ? this.onWordsChanged() : this.recheck(this.waiting))),
    );
    void loadPersonalWords();
    this.accepted = acceptedWords({ personal: personalWords() });
  }

  dispose(): void {
    this.cleanup();
    this.setRoot(null, this.root);
    for (const key of [...this.marks.keys()]) this.setMarks(key, []);
    if (this.timer) clearTimeout(this.timer);
    releaseHighlight();
  }

  /** The document's names (metadata, organisations): a change rechecks everything. */
  setNames(names: readonly string[]): void {
    this.names = names;
    this.onWordsChanged();
  }

  private get active(): boolean {
    return this.highlight !== null && spellAvailable() && this.editor.isEditable();
  }

  private onWordsChanged(): void {
    const next = acceptedWords({ personal: personalWords(), names: this.names });
    const changed = !sameWords(next, this.accepted);
    this.accepted = next;
    // The browser's own check comes back where ours cannot run (no Highlight API, no host answer).
    if (this.root) this.root.spellcheck = !(this.highlight !== null && spellAvailable());
    if (changed || ignoredWords().size > 0 || !spellAvailable()) this.checkAll();
  }

  private setRoot(root: HTMLElement | null, prev: HTMLElement | null): void {
    if (prev) {
      prev.removeEventListener('contextmenu', this.onContextMenu);
      prev.removeEventListener('keydown', this.onKeyDown);
      prev.spellcheck = true;
    }
    this.root = root;
    if (root) {
      root.addEventListener('contextmenu', this.onContextMenu);
      root.addEventListener('keydown', this.onKeyDown);
      // Ours marks the words: the browser's own would mark them a second time.
      root.spellcheck = !(this.highlight !== null && spellAvailable());
      this.checkAll();
    }
  }

  private checkAll(): void {
    if (!this.active) {
      for (const key of [...this.marks.keys()]) this.setMarks(key, []);
      return;
    }
    this.editor.getEditorState().read(() => {
      for (const b of $allTextBlocks()) this.dirty.add(b.getKey());
    });
    this.schedule(0);
  }

  private recheck(keys: Iterable<NodeKey>): void {
    for (const k of keys) this.dirty.add(k);
    this.schedule(0);
  }

  private onUpdate(dirtyElements: Map<NodeKey, boolean>, dirtyLeaves: Set<NodeKey>): void {
    if (!this.active) return;
    if (dirtyElements.size === 0 && dirtyLeaves.size === 0) {
      // Only the selection changed: once the caret has moved, the word it was typing in is judged.
      const typing = this.typing;
      if (typing && !samePoint(this.editor.getEditorState().read($caret), typing.caret)) {
        this.typing = null;
        this.recheck([typing.block]);
      }
      return;
    }
    this.editor.getEditorState().read(() => {
      const caret = $caret();
      const at = caret ? $getNodeByKey(caret.key) : null;
      const block = at ? $blockOf(at) : null;
      this.typing = caret && block ? { block: block.getKey(), caret } : null;
      for (const key of dirtyLeaves) {
        const node = $getNodeByKey(key);
        const block = node ? $blockOf(node) : null;
        if (block) this.dirty.add(block.getKey());
      }
      for (const [key, intentional] of dirtyElements) {
        if (!intentional) continue;
        const node = $getNodeByKey(key);
        if (!node) this.setMarks(key, []);
        else if ($isRootOrShadowRoot(node) || !$isTextBlock(node)) {
          // Blocks added, moved or removed: drop the marks of those that are gone.
          for (const k of this.marks.keys()) if (!$getNodeByKey(k)?.isAttached()) this.setMarks(k, []);
          const block = $blockOf(node);
          if (block) this.dirty.add(block.getKey());
        } else this.dirty.add(key);
      }
    });
    this.schedule(DEBOUNCE_MS);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), ms);
  }

  /** Checks the changed blocks, at most SLICE_MS at a time. */
  private flush(): void {
    this.timer = null;
    if (!this.active) return;
    const began = performance.now();
    this.editor.getEditorState().read(() => {
      const typing = this.typing;
      for (const key of this.dirty) {
        if (performance.now() - began > SLICE_MS) break;
        this.dirty.delete(key);
        const node = $getNodeByKey(key);
        if (!node || !$isTextBlock(node) || !node.isAttached()) {
          this.setMarks(key, []);
          continue;
        }
        const { text, segments } = $blockText(node);
        const result = checkText(text, spellLookup, this.accepted, ignoredWords());
        if (result.unknown.length > 0) {
          this.waiting.add(key);
          requestVerdicts(result.unknown);
        } else this.waiting.delete(key);
        const marks: Mark[] = [];
        for (const t of result.misspelled) {
          const start = pointAt(segments, t.start, false);
          const end = pointAt(segments, t.end, true);
          if (!start || !end) continue;
          if (typing?.block === key && caretWithin(typing.caret, start, end)) continue;
          const range = domRange(this.editor, start, end);
          if (range) marks.push({ word: t.word, range, start, end });
        }
        this.setMarks(key, marks);
      }
    });
    if (this.dirty.size > 0) this.schedule(0);
  }

  private setMarks(key: NodeKey, marks: Mark[]): void {
    for (const m of this.marks.get(key) ?? []) this.highlight?.delete(m.range);
    for (const m of marks) this.highlight?.add(m.range);
    if (marks.length > 0) this.marks.set(key, marks);
    else this.marks.delete(key);
  }

  private markWhere(hit: (m: Mark) => boolean): Mark | null {
    for (const list of this.marks.values()) for (const m of list) if (hit(m)) return m;
    return null;
  }

  /** The menu from the keyboard (Shift+F10 or the menu key) on the misspelt word at the caret. */
  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (!(e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) || !this.active) return;
    const sel = window.getSelection();
    const node = sel?.focusNode;
    if (!sel || !node) return;
    const mark = this.markWhere((m) => m.range.isPointInRange(node, sel.focusOffset));
    if (!mark) return;
    e.preventDefault();
    this.keyboardMenuAt = performance.now();
    const r = mark.range.getBoundingClientRect();
    this.openMenu({ mark, x: r.left, y: r.bottom + 2 });
  };

  private readonly onContextMenu = (e: MouseEvent): void => {
    if (performance.now() - this.keyboardMenuAt < 500) {
      e.preventDefault(); // the keydown above already opened ours
      return;
    }
    if (!this.active) return;
    const inside = (r: DOMRect) =>
      e.clientX >= r.left - 1 && e.clientX <= r.right + 1 && e.clientY >= r.top - 1 && e.clientY <= r.bottom + 1;
    const mark = this.markWhere((m) => [...m.range.getClientRects()].some(inside));
    if (!mark) return; // not on a misspelt word: the usual menu (cut, copy, paste)
    e.preventDefault();
    this.openMenu({ mark, x: e.clientX, y: e.clientY });
  };
}

const samePoint = (a: TextPoint | null, b: TextPoint) => a !== null && a.key === b.key && a.offset === b.offset;

/** The caret in (or at either end of) the word from start to end. */
function caretWithin(caret: TextPoint, start: TextPoint, end: TextPoint): boolean {
  if (start.key === end.key) return caret.key === start.key && caret.offset >= start.offset && caret.offset <= end.offset;
  return (caret.key === start.key && caret.offset >= start.offset) || (caret.key === end.key && caret.offset <= end.offset);
}

function $caret(): TextPoint | null {
  const sel = $getSelection();
  if (!$isRangeSelection(sel) || !sel.isCollapsed() || sel.anchor.type !== 'text') return null;
  return { key: sel.anchor.key, offset: sel.anchor.offset };
}
