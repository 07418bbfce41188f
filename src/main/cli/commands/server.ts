import { serverMain, ServerUsageError } from '../../../server/main';
import { UsageError, type CliIo } from '../io';

/** `minnes server …`: the team server lives in src/server; this only maps its usage errors to the CLI's. */
export async function serverCommand(args: string[], io: CliIo): Promise<number> {
  try {
    return await serverMain(args, io);
  } catch (e) {
    if (e instanceof ServerUsageError) throw new UsageError(e.message);
    throw e;
  }
}
