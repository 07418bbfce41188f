import { z } from 'zod';

/**
 * The ministry's house style, in one place. Part of every template; the DOCX and PDF writers
 * read nothing else for layout. Sizes in points, margins in millimetres.
 */
export const HouseStyleSchema = z.object({
  pageSize: z.literal('A4').default('A4'),
  marginsMm: z
    .object({
      top: z.number().min(5).max(60),
      right: z.number().min(5).max(60),
      bottom: z.number().min(5).max(60),
      left: z.number().min(5).max(60),
    })
    .default({ top: 25, right: 25, bottom: 25, left: 25 }),
  /** Font named in the DOCX: one Word users have. */
  docxFont: z.string().min(1).max(64).default('Calibri'),
  /** Font embedded in the PDF: an open-licence font shipped from a package. */
  pdfFont: z.enum(['NotoSans']).default('NotoSans'),
  bodySizePt: z.number().min(7).max(20).default(11),
  titleSizePt: z.number().min(10).max(36).default(16),
  headingSizesPt: z.tuple([z.number(), z.number(), z.number()]).default([14, 12, 11]),
  headerSizePt: z.number().min(6).max(14).default(9),
  /** Space after a paragraph. */
  paragraphSpacingPt: z.number().min(0).max(30).default(8),
  lineHeight: z.number().min(1).max(2.5).default(1.2),
});
export type HouseStyle = z.infer<typeof HouseStyleSchema>;

export const DEFAULT_HOUSE_STYLE: HouseStyle = HouseStyleSchema.parse({});
