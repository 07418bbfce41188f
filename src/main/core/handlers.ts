import type { Handlers } from '../../shared/contract';
import type { CoreContext } from './handlers/context';
import { backupHandlers } from './handlers/backups';
import { cycleHandlers } from './handlers/cycle';
import { documentHandlers } from './handlers/documents';
import { fileHandlers } from './handlers/files';
import { jobHandlers } from './handlers/jobs';
import { templateHandlers } from './handlers/templates';
import { workflowHandlers } from './handlers/workflow';

export type { CoreContext, DesktopFiles } from './handlers/context';

/** The one handler table: Electron's IPC and the browser host both serve exactly this. */
export function createHandlers(ctx: CoreContext): Handlers {
  return {
    ...documentHandlers(ctx),
    ...workflowHandlers(ctx),
    ...cycleHandlers(ctx),
    ...templateHandlers(ctx),
    ...fileHandlers(ctx),
    ...backupHandlers(ctx),
    ...jobHandlers(ctx),
  };
}
