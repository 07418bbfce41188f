import type { SerializedHeadingNode } from '@lexical/rich-text';
import type { SectionContent } from '../../../shared/content';
import type { Template } from '../../../shared/template';
import { editorState, textContent, type BlockNode, type HeadingTag } from './lexical-json';

/** Without a template the whole body is one section, as in the free-form template. */
export const FREE_SECTION = { key: 'innehall', heading: 'Innehåll', printHeading: false, guidance: '', carryOver: false } as const;

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');

/**
 * Body blocks → the document's sections. With a template, a heading (`##` by default) whose text is
 * one of the template's section headings starts that section and is not itself content; what comes
 * before the first such heading belongs to the first section. Every template section is present, in
 * template order, so the document has the template's shape even when the input skipped a section.
 * A heading repeated later adds to its section rather than being dropped.
 */
export function splitSections(
  blocks: readonly BlockNode[],
  template?: Template,
  sectionHeadingTags: readonly HeadingTag[] = ['h2'],
): SectionContent[] {
  if (!template) return [{ ...FREE_SECTION, state: editorState(blocks) }];

  const byHeading = new Map<string, string>();
  for (const s of template.sections) if (!byHeading.has(normalise(s.heading))) byHeading.set(normalise(s.heading), s.key);
  const content = new Map<string, BlockNode[]>(template.sections.map((s) => [s.key, []]));

  let current = template.sections[0]?.key;
  for (const block of blocks) {
    const isSectionHeading = block.type === 'heading' && sectionHeadingTags.includes((block as SerializedHeadingNode).tag as HeadingTag);
    const key = isSectionHeading ? byHeading.get(normalise(textContent(block))) : undefined;
    if (key) current = key;
    else if (current) content.get(current)?.push(block);
  }

  return template.sections.map((s) => ({
    key: s.key,
    heading: s.heading,
    printHeading: s.printHeading,
    guidance: s.guidance,
    carryOver: s.carryOver,
    state: editorState(content.get(s.key) ?? []),
  }));
}
