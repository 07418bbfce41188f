import type { Handlers } from '../../shared/contract';
import type { CoreContext } from './handlers/context';
import { backupHandlers } from './handlers/backups';
import { cycleHandlers } from './handlers/cycle';
import { documentHandlers } from './handlers/documents';
import { fileHandlers } from './handlers/files';
import { jobHandlers } from './handlers/jobs';
import { pushSharedMetadata, pushSharedStatus, teamHandlers } from './handlers/team';
import { teamLibraryHandlers } from './handlers/team-library';
import { templateHandlers } from './handlers/templates';
import { spellHandlers } from './handlers/spell';
import { preferenceHandlers } from './handlers/preferences';
import { sharedRow } from './sync/shared-documents';
import { assertStatusChange } from './workflow';
import type { Db } from './db';

const isShared = (db: Db, id: string) => sharedRow(db, id) !== null;
import { workflowHandlers } from './handlers/workflow';

export type { CoreContext, DesktopFiles } from './handlers/context';

/** The one handler table: Electron's IPC and the browser host both serve exactly this. */
export function createHandlers(ctx: CoreContext): Handlers {
  const docs = documentHandlers(ctx);
  const workflow = workflowHandlers(ctx);
  return {
    ...docs,
    ...workflow,
    // A shared document: the server decides its status first, and hears of the secretary's metadata.
    saveDocument: async (input) => {
      const saved = await docs.saveDocument(input);
      if (input.metadata) pushSharedMetadata(ctx, input.id);
      return saved;
    },
    changeStatus: async (input) => {
      // Every local refusal (no approver, a bad dnr, the trash) comes first, so the server never
      // takes a step this copy then refuses.
      if (isShared(ctx.db, input.id)) {
        assertStatusChange(ctx.db, input.id, input);
        await pushSharedStatus(ctx, input);
      }
      return workflow.changeStatus(input);
    },
    ...teamHandlers(ctx),
    ...teamLibraryHandlers(ctx),
    ...cycleHandlers(ctx),
    ...templateHandlers(ctx),
    ...fileHandlers(ctx),
    ...backupHandlers(ctx),
    ...jobHandlers(ctx),
    ...spellHandlers(ctx),
    ...preferenceHandlers(ctx),
  };
}
