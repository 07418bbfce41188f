import { resolve } from 'node:path';
import { MinnesError } from '../../core/errors';
import { writeFileAtomic } from '../../core/files/atomic-write';
import { templateFromDocument } from '../../core/templates/from-document';
import { exportTemplateJson, importTemplateJson, MAX_TEMPLATE_FILE_BYTES } from '../../core/templates/template-file';
import { listTemplates } from '../../core/templates/template-repo';
import { parse, str } from '../args';
import { readInput } from '../input';
import { UsageError, type CliIo } from '../io';
import { withStore } from '../store';

function listSub(args: string[], io: CliIo): number {
  const { values } = parse(args, { json: { type: 'boolean' } }, { min: 0, max: 0 });
  const templates = withStore(io, str(values.db), (db) => listTemplates(db));
  if (values.json) {
    io.stdout(`${JSON.stringify(templates)}\n`);
    return 0;
  }
  for (const t of templates) io.stdout(`${t.key}  v${t.version}  ${t.name}${t.builtin ? '  (built-in)' : ''}\n`);
  return 0;
}

function saveSub(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, { key: { type: 'string' }, name: { type: 'string' } }, { min: 1, max: 1 });
  const key = str(values.key);
  const name = str(values.name);
  if (!key) throw new UsageError('--key <key> is required');
  if (name === undefined) throw new UsageError('--name <name> is required');
  const t = withStore(io, str(values.db), (db) => templateFromDocument(db, positionals[0]!, key, name));
  io.stdout(`${t.key} ${t.version}\n`);
  return 0;
}

function exportSub(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, { out: { type: 'string' } }, { min: 1, max: 1 });
  const out = str(values.out);
  if (!out) throw new UsageError('--out <file.json> is required');
  const json = withStore(io, str(values.db), (db) => exportTemplateJson(db, positionals[0]!));
  writeFileAtomic(resolve(io.cwd, out), Buffer.from(json, 'utf8'));
  return 0;
}

function importSub(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, {}, { min: 1, max: 1 });
  const file = positionals[0]!;
  const data = readInput(io, file);
  // Refused before decoding, so a huge file is never turned into a string.
  if (data.length > MAX_TEMPLATE_FILE_BYTES)
    throw new MinnesError('template_file_too_large', `Mallfilen ${file} är för stor (högst 1 MB).`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new MinnesError('template_not_json', `Filen ${file} är inte JSON (den är inte UTF-8-text).`);
  }
  const t = withStore(io, str(values.db), (db) => importTemplateJson(db, text));
  io.stdout(`${t.key} ${t.version}\n`);
  return 0;
}

const SUBCOMMANDS: Record<string, (args: string[], io: CliIo) => number> = {
  list: listSub,
  save: saveSub,
  export: exportSub,
  import: importSub,
};

/** `minnes template list | save <id> --key K --name N | export <key> --out F.json | import F.json`. */
export async function templateCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const run = sub !== undefined && Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
  if (!run)
    throw new UsageError(
      sub ? `unknown subcommand '${sub}' (list, save, export, import)` : 'missing subcommand (list, save, export, import)',
    );
  return run(rest, io);
}
