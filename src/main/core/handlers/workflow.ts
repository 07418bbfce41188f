import { assertEditable } from '../document-store';
import { nextMeeting } from '../next-meeting';
import { diffRevisions, getRevision, listRevisions, snapshot } from '../revisions';
import { changeStatus, newVersion, restoreRevision } from '../workflow';
import type { CoreContext, HandlerGroup } from './context';

type Keys =
  'changeStatus' | 'newVersion' | 'saveVersion' | 'listRevisions' | 'getRevision' | 'diffRevisions' | 'restoreRevision' | 'nextMeeting';

/** Review, approval and registration; revisions; the next meeting of a series. */
export function workflowHandlers({ db }: CoreContext): HandlerGroup<Keys> {
  return {
    changeStatus: (input) => changeStatus(db, input.id, input),
    newVersion: (input) => newVersion(db, input.id),
    saveVersion: (input) => {
      assertEditable(db, input.id);
      snapshot(db, input.id, 'save');
      return listRevisions(db, input.id);
    },
    listRevisions: (input) => listRevisions(db, input.id),
    getRevision: (input) => getRevision(db, input.revisionId),
    diffRevisions: (input) => diffRevisions(db, input.before, input.after),
    restoreRevision: (input) => restoreRevision(db, input.revisionId),
    nextMeeting: (input) => nextMeeting(db, input.id, input),
  };
}
