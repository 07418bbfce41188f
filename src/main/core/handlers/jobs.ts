import type { CoreContext, HandlerGroup } from './context';

type Keys = 'listJobs' | 'cancelJob';

/** The progress line and its "Avbryt": where work runs in line (the CLI) there is never a job to show. */
export function jobHandlers(ctx: CoreContext): HandlerGroup<Keys> {
  return {
    listJobs: () => ctx.jobs?.list() ?? [],
    cancelJob: (input) => ({ cancelled: ctx.jobs?.cancel(input.id) ?? false }),
  };
}
