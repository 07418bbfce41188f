import { isMinnesError } from '../core/errors';
import { APP_VERSION } from '../core/version';
import { importCommand, newCommand, showCommand } from './commands/documents';
import { listCommand } from './commands/list';
import { exportCommand, renderCommand } from './commands/render';
import { UsageError, type CliIo } from './io';
import { USAGE } from './usage';

type Command = (args: string[], io: CliIo) => number | Promise<number>;

const commands: Record<string, Command> = {
  list: listCommand,
  show: showCommand,
  new: newCommand,
  import: importCommand,
  render: renderCommand,
  export: exportCommand,
};

/** Runs one CLI invocation and returns its exit status; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.stdout(`minnes ${APP_VERSION}\n`);
    return 0;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  const command = name ? commands[name] : undefined;
  if (!command) {
    io.stderr(`${name ? `minnes: unknown command '${name}'` : 'minnes: no command given'}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`minnes ${name}: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (isMinnesError(e)) {
      io.stderr(`minnes: ${e.message}\n`);
      return 1;
    }
    io.stderr(`minnes: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
