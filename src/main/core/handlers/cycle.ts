import { MIME, safeFileName } from '../export-document';
import { deleteSeries, getSeriesOverview, listSeries, saveSeries } from '../series-repo';
import { runHeavy } from '../jobs/heavy';
import { collectTakeaways } from '../takeaways';
import type { CoreContext, HandlerGroup } from './context';

type Keys = 'listSeries' | 'saveSeries' | 'getSeriesOverview' | 'deleteSeries' | 'collectTakeaways' | 'exportTakeaways';

/** The annual cycle: series with their planned meetings, and the year's takeaways. */
export function cycleHandlers(ctx: CoreContext): HandlerGroup<Keys> {
  return {
    listSeries: () => listSeries(ctx.db),
    saveSeries: (input) => saveSeries(ctx.db, input),
    getSeriesOverview: (input) => getSeriesOverview(ctx.db, input.name),
    deleteSeries: (input) => {
      deleteSeries(ctx.db, input.name);
      return {};
    },
    collectTakeaways: (input) => collectTakeaways(ctx.db, input.series, input.year ? { year: input.year } : {}),
    exportTakeaways: async (input) => {
      const today = new Date().toISOString().slice(0, 10);
      const { bytes } = await runHeavy(ctx, { kind: 'takeaways', series: input.series, today, year: input.year });
      return {
        fileName: `Medskick ${input.year ?? ''} ${safeFileName(input.series, 'serie', 100)}.docx`.replace(/\s+/g, ' '),
        mimeType: MIME.docx,
        dataBase64: Buffer.from(bytes).toString('base64'),
      };
    },
  };
}
