import type { MinutesDocument } from '../src/shared/document-model';
import { CONTENT_FORMAT, CONTENT_VERSION, type ContentEnvelope } from '../src/shared/content';
import { MetadataSchema } from '../src/shared/metadata';
import { importFile } from '../src/main/core/import';
import { buildMinutes } from '../src/main/core/model/build-minutes';
import { writePdf } from '../src/main/core/export/pdf-writer';
import { generateMinutesMarkdown, HUNDRED_PAGES } from './generate';
import { median } from './stats';

/**
 * The PDF writer alone (model → bytes) at 100 and 1,000 pages, to see whether its cost per page
 * stays flat as documents grow. Import and model building happen once, outside the timing, so
 * only the writer is measured. Runs alternate between the two sizes so that a noisy neighbour on
 * the shared machine slows both alike, and the ratio compares like with like.
 */

export type PdfPagesCase = { ms: number; msPerPage: number; pages: number };
export type PdfPagesResult = { at100: PdfPagesCase; at1000: PdfPagesCase };

/** The same generated minutes the export bench uses, as the model the writers read. */
export async function minutesModel(sections: number): Promise<MinutesDocument> {
  const r = await importFile(Buffer.from(generateMinutesMarkdown(sections)), 'in.md');
  const content: ContentEnvelope = { format: CONTENT_FORMAT, version: CONTENT_VERSION, sections: r.sections };
  const { model, missing } = buildMinutes(MetadataSchema.parse(r.metadata), content, null);
  if (missing.length > 0) throw new Error(`generated minutes lack ${missing.join(', ')}`);
  return model;
}

/** Page objects in the file: the real page count, whatever the page tree's /Count claims. */
export function countPdfPages(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
  );
}

async function timed(model: MinutesDocument): Promise<{ ms: number; pages: number }> {
  const t0 = performance.now();
  const bytes = await writePdf(model);
  const ms = performance.now() - t0;
  return { ms, pages: countPdfPages(bytes) };
}

export async function benchPdfPages(opts: { runs100?: number; runs1000?: number } = {}): Promise<PdfPagesResult> {
  const runs100 = Math.max(5, opts.runs100 ?? 5);
  const runs1000 = Math.max(3, opts.runs1000 ?? 3);
  const small = await minutesModel(HUNDRED_PAGES);
  const large = await minutesModel(HUNDRED_PAGES * 10);
  await timed(small); // warm the code paths and the parsed faces, as a running app would be
  const t100: number[] = [];
  const t1000: number[] = [];
  let pages100 = 0;
  let pages1000 = 0;
  for (let i = 0; i < Math.max(runs100, runs1000); i++) {
    if (i < runs100) {
      const r = await timed(small);
      t100.push(r.ms);
      pages100 = r.pages;
    }
    if (i < runs1000) {
      const r = await timed(large);
      t1000.push(r.ms);
      pages1000 = r.pages;
    }
  }
  const result = (times: number[], pages: number): PdfPagesCase => {
    const ms = median(times);
    return { ms, msPerPage: ms / pages, pages };
  };
  return { at100: result(t100, pages100), at1000: result(t1000, pages1000) };
}
