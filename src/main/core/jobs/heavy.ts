import type { CoreContext } from '../handlers/context';
import { runTask, type ResultOf, type Task } from './tasks';

/**
 * Heavy work goes to a worker where the host has one (Electron main, the browser host); the CLI
 * runs it in line, since a command blocks nothing else. Either way the same task code runs.
 */
export function runHeavy<T extends Task>(ctx: CoreContext, task: T): Promise<ResultOf<T>> {
  return ctx.jobs ? ctx.jobs.run(task) : runTask(ctx.db, task);
}
