import { z } from 'zod';
import { HouseStyleSchema } from './house-style';
import { MetadataPatchSchema } from './metadata';

export const TEMPLATE_FORMAT = 'minnes/template';
export const TEMPLATE_FORMAT_VERSION = 1;

/** The title of minutes without a template: "Minnesanteckningar den 9 juni 2026", or without the date. */
export const FREE_TITLE_PATTERN = '{{dokumenttyp}} {{datum?}}';

export const SlugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Nyckeln får bara innehålla a–z, 0–9 och bindestreck');

/** A key from free text: "Övriga frågor" → "ovriga-fragor" (accents dropped, not turned into dashes). */
export function toSlug(text: string, fallback: string, maxLength = 56): string {
  const slug = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** `base`, or `base-2`, `base-3` … whichever is not taken yet. */
export function uniqueSlug(base: string, isTaken: (key: string) => boolean): string {
  let key = base;
  for (let n = 2; isTaken(key); n++) key = `${base}-${n}`;
  return key;
}

export const TemplateSectionSchema = z.object({
  key: SlugSchema,
  heading: z.string().trim().min(1).max(200),
  /** Section headings are always shown in the editor; printed only when this is set. */
  printHeading: z.boolean().default(false),
  /** Shown in the editor while the section is empty. */
  guidance: z.string().max(4000).default(''),
  /** Markdown with {{variables}}; what a new document starts with. */
  defaultContent: z.string().max(200_000).default(''),
  /** Kept, with its text, when the next meeting of a series is prefilled from this one. */
  carryOver: z.boolean().default(false),
});
export type TemplateSection = z.infer<typeof TemplateSectionSchema>;

export const TemplateSchema = z
  .object({
    format: z.literal(TEMPLATE_FORMAT),
    formatVersion: z.number().int().min(1),
    key: SlugSchema,
    name: z.string().trim().min(1).max(200),
    version: z.number().int().min(1),
    description: z.string().max(2000).default(''),
    /** e.g. "Minnesanteckningar från samråd mellan civilsamhället och {{departement}} {{datum}}". */
    titlePattern: z.string().max(500).default(FREE_TITLE_PATTERN),
    /** Metadata a new document starts with (department, unit, meeting type …). */
    defaults: MetadataPatchSchema.default({}),
    sections: z.array(TemplateSectionSchema).min(1).max(100),
    houseStyle: HouseStyleSchema.default(HouseStyleSchema.parse({})),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.sections.forEach((s, i) => {
      if (seen.has(s.key))
        ctx.addIssue({ code: 'custom', path: ['sections', i, 'key'], message: `Avsnittsnyckeln "${s.key}" finns redan` });
      seen.add(s.key);
    });
    if (t.formatVersion > TEMPLATE_FORMAT_VERSION) {
      ctx.addIssue({ code: 'custom', path: ['formatVersion'], message: 'Mallen kommer från en nyare version av Minnes' });
    }
  });
export type Template = z.infer<typeof TemplateSchema>;

export const DEFAULT_TEMPLATE_KEY = 'samrad';
