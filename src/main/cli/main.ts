import { isMinnesError } from '../core/errors';
import { explainSqliteError } from '../core/sqlite-errors';
import { APP_VERSION } from '../core/version';
import { UsageError, type CliIo } from './io';
import { USAGE } from './usage';

type Command = (args: string[], io: CliIo) => number | Promise<number>;

// Commands load on demand, and each import() here is a chunk of its own in the build (scripts/build-cli.mjs):
// `--version` or `list` should not pay for the PDF and Word libraries.
const commands: Record<string, () => Promise<Command>> = {
  list: async () => (await import('./commands/list')).listCommand,
  show: async () => (await import('./commands/documents')).showCommand,
  new: async () => (await import('./commands/documents')).newCommand,
  import: async () => (await import('./commands/documents')).importCommand,
  render: async () => (await import('./commands/render')).renderCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  status: async () => (await import('./commands/status')).statusCommand,
  search: async () => (await import('./commands/search')).searchCommand,
  template: async () => (await import('./commands/template')).templateCommand,
  backup: async () => (await import('./commands/backup')).backupCommand,
  check: async () => (await import('./commands/check')).checkCommand,
  server: async () => (await import('./commands/server')).serverCommand,
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
  const load = name && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.stderr(`${name ? `minnes: unknown command '${name}'` : 'minnes: no command given'}\n\n${USAGE}`);
    return 2;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`minnes ${name}: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    const known = isMinnesError(e) ? e : explainSqliteError(e);
    if (known) {
      io.stderr(`minnes: ${known.message}\n`);
      return 1;
    }
    io.stderr(`minnes: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
