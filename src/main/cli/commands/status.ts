import { userInfo } from 'node:os';
import { StatusSchema } from '../../../shared/domain';
import { changeStatus } from '../../core/workflow';
import { parse, str } from '../args';
import { UsageError, type CliIo } from '../io';
import { withStore } from '../store';

function currentUser(env: NodeJS.ProcessEnv): string {
  try {
    return env.MINNES_USER ?? userInfo().username;
  } catch {
    return env.USER ?? env.USERNAME ?? '';
  }
}

/** `status <id> <status> [--dnr D] [--by NAME] [--date YYYY-MM-DD]`: one step of the workflow. */
export function statusCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parse(
    args,
    { dnr: { type: 'string' }, by: { type: 'string' }, date: { type: 'string' } },
    { min: 2, max: 2 },
  );
  const status = StatusSchema.safeParse(positionals[1]);
  if (!status.success) throw new UsageError(`unknown status '${positionals[1] ?? ''}': use utkast, granskning, justerad or registrerad`);
  const doc = withStore(io, str(values.db), (db) =>
    changeStatus(db, positionals[0]!, {
      status: status.data,
      approvedBy: str(values.by) ?? currentUser(io.env),
      dnr: str(values.dnr),
      registeredOn: str(values.date),
    }),
  );
  io.stdout(`${doc.id}  ${doc.status}${doc.metadata.dnr ? `  ${doc.metadata.dnr}` : ''}\n`);
  return 0;
}
