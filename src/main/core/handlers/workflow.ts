import { assertEditable } from '../document-store';
import { nextMeeting } from '../next-meeting';
import { diffRevisions, getRevision, listRevisions, nameRevision, snapshot } from '../revisions';
import { changeStatus, newVersion, restoreRevision } from '../workflow';
import type { CoreContext, HandlerGroup } from './context';

type Keys =
  'changeStatus' | 'newVersion' | 'saveVersion' | 'listRevisions' | 'getRevision' | 'diffRevisions' | 'restoreRevision' | 'nextMeeting';

/** Review, approval and registration; revisions; the next meeting of a series. */
export function workflowHandlers(ctx: CoreContext): HandlerGroup<Keys> {
  return {
    changeStatus: (input) => changeStatus(ctx.db, input.id, input),
    newVersion: (input) => newVersion(ctx.db, input.id),
    saveVersion: (input) => {
      assertEditable(ctx.db, input.id);
      nameRevision(ctx.db, snapshot(ctx.db, input.id, 'save'), input.name ?? '');
      return listRevisions(ctx.db, input.id);
    },
    listRevisions: (input) => listRevisions(ctx.db, input.id),
    getRevision: (input) => getRevision(ctx.db, input.revisionId),
    diffRevisions: (input) => diffRevisions(ctx.db, input.before, input.after),
    restoreRevision: (input) => restoreRevision(ctx.db, input.revisionId),
    nextMeeting: (input) => nextMeeting(ctx.db, input.id, input),
  };
}
