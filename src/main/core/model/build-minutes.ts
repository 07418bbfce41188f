import type { ContentEnvelope } from '../../../shared/content';
import type { Block, MinutesDocument } from '../../../shared/document-model';
import type { Metadata } from '../../../shared/metadata';
import { FREE_TITLE_PATTERN, type Template } from '../../../shared/template';
import { DEFAULT_HOUSE_STYLE } from '../../../shared/house-style';
import { documentTitle, variableValue } from '../../../shared/variables';
import { lexicalToBlocks } from './lexical-to-blocks';

export type BuildResult = { model: MinutesDocument; missing: string[] };

/**
 * A stored document (metadata + sections) → the document model both writers read.
 * Variables are filled here; those without a value are reported so export can refuse them.
 */
export function buildMinutes(
  metadata: Metadata,
  content: ContentEnvelope,
  template: Template | null,
  opts: { placeholder?: (name: string) => string } = {},
): BuildResult {
  const missing: string[] = [];
  const resolve = (name: string): string | null => {
    const v = variableValue(name, metadata);
    if (v) return v;
    if (!missing.includes(name)) missing.push(name);
    return opts.placeholder?.(name) ?? null;
  };
  const title = documentTitle(template?.titlePattern ?? FREE_TITLE_PATTERN, metadata);
  for (const m of title.missing) if (!missing.includes(m)) missing.push(m);
  const placeholder = opts.placeholder;
  const titleText = placeholder
    ? title.missing.reduce(
        (t, name) => t.split(`{{${name}}}`).join(placeholder(name)).split(`{{${name}?}}`).join(placeholder(name)),
        title.text,
      )
    : title.text;

  const blocks: Block[] = [];
  for (const section of content.sections) {
    const body = lexicalToBlocks(section.state, resolve);
    if (section.printHeading && body.length > 0)
      blocks.push({ type: 'heading', level: 1, runs: [{ type: 'text', text: section.heading }] });
    blocks.push(...body);
  }
  const model: MinutesDocument = {
    header: {
      department: metadata.department,
      unit: metadata.unit,
      documentType: metadata.documentType,
      date: metadata.date,
      dnr: metadata.dnr,
    },
    title: titleText,
    blocks,
    properties: { subject: metadata.theme || metadata.documentType, author: metadata.unit || metadata.department, language: 'sv-SE' },
    style: template?.houseStyle ?? DEFAULT_HOUSE_STYLE,
  };
  return { model, missing };
}
