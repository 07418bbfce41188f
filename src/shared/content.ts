import { z } from 'zod';
import type { SerializedEditorState } from 'lexical';

/**
 * The stored body of a document: ordered sections, each with its own Lexical editor state.
 * Sections are separate editors so that typing can never merge or delete them.
 * JSON fields are only ever added as optional; `version` rises when old readers must stop.
 */
export const CONTENT_FORMAT = 'minnes/sections';
export const CONTENT_VERSION = 1;

export const SectionContentSchema = z.object({
  key: z.string().min(1).max(64),
  heading: z.string().max(300),
  printHeading: z.boolean(),
  guidance: z.string().max(4000).default(''),
  carryOver: z.boolean().default(false),
  /** A Lexical SerializedEditorState (checked by Lexical itself when loaded). */
  state: z.custom<SerializedEditorState>((v) => typeof v === 'object' && v !== null && 'root' in v, 'Ogiltigt editorinnehåll'),
});
export type SectionContent = z.infer<typeof SectionContentSchema>;

export const ContentEnvelopeSchema = z.object({
  format: z.literal(CONTENT_FORMAT),
  version: z.number().int().min(1),
  sections: z.array(SectionContentSchema).max(200),
});
export type ContentEnvelope = z.infer<typeof ContentEnvelopeSchema>;

/** An empty Lexical state: one empty paragraph, as the editor itself would create. */
export function emptyEditorState(): SerializedEditorState {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children: [], textFormat: 0, textStyle: '' } as never,
      ],
    },
  } as SerializedEditorState;
}
