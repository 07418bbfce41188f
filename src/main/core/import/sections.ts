import type { SerializedHeadingNode } from '@lexical/rich-text';
import type { SectionContent } from '../../../shared/content';
import type { Template } from '../../../shared/template';
import { placeByCues } from './cue-placement';
import { editorState, textContent, type BlockNode, type HeadingTag } from './lexical-json';
import type { MessageText } from '../../../shared/i18n/format';
import { msg } from '../errors';

/** Without a template the whole body is one section, as in the free-form template. */
export const FREE_SECTION = { key: 'innehall', heading: 'Innehåll', printHeading: false, guidance: '', carryOver: false } as const;

export type SplitResult = {
  sections: SectionContent[];
  /** What the user should know about how the text was divided, one Swedish sentence each. */
  notices: MessageText[];
};

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');

/**
 * Body blocks → the document's sections. With a template, a heading (`##` by default) whose text is
 * one of the template's section headings starts that section and is not itself content; what comes
 * before the first such heading belongs to the first section. A heading repeated later adds to its
 * section rather than being dropped. Minutes with no such heading (the ministry's plain layout) are
 * divided by the cues of their wording instead (see cue-placement.ts); when no cue is found, all of
 * it stays in the first section and a notice says so. Every template section is present, in
 * template order, so the document has the template's shape even when the input skipped a section.
 */
export function splitSections(
  blocks: readonly BlockNode[],
  template?: Template,
  sectionHeadingTags: readonly HeadingTag[] = ['h2'],
): SplitResult {
  if (!template) return { sections: [{ ...FREE_SECTION, state: editorState(blocks) }], notices: [] };

  const byHeading = new Map<string, string>();
  for (const s of template.sections) if (!byHeading.has(normalise(s.heading))) byHeading.set(normalise(s.heading), s.key);
  const sectionKeyOf = (block: BlockNode) =>
    block.type === 'heading' && sectionHeadingTags.includes((block as SerializedHeadingNode).tag as HeadingTag)
      ? byHeading.get(normalise(textContent(block)))
      : undefined;
  const content = new Map<string, BlockNode[]>(template.sections.map((s) => [s.key, []]));
  const notices: MessageText[] = [];

  if (blocks.some((b) => sectionKeyOf(b) !== undefined)) {
    let current = template.sections[0]?.key;
    for (const block of blocks) {
      const key = sectionKeyOf(block);
      if (key) current = key;
      else if (current) content.get(current)?.push(block);
    }
  } else if (template.sections.length > 1 && blocks.length > 0) {
    const placement = placeByCues(blocks, template.sections);
    blocks.forEach((block, i) => content.get(template.sections[placement.sectionOf[i] ?? 0]?.key ?? '')?.push(block));
    if (!placement.split)
      notices.push(msg('errors.notice.notSplit', { section: template.sections[0]?.heading ?? msg('errors.notice.firstSection') }));
  } else {
    content.get(template.sections[0]?.key ?? '')?.push(...blocks);
  }

  const sections = template.sections.map((s) => ({
    key: s.key,
    heading: s.heading,
    printHeading: s.printHeading,
    guidance: s.guidance,
    carryOver: s.carryOver,
    state: editorState(content.get(s.key) ?? []),
  }));
  return { sections, notices };
}
