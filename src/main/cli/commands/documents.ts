import { IsoDateSchema } from '../../../shared/domain';
import { loadDocument } from '../../core/document-store';
import { MinnesError } from '../../core/errors';
import { importIntoStore } from '../../core/import-document';
import { createFromTemplate } from '../../core/new-document';
import { nextMeeting } from '../../core/next-meeting';
import { parse, str } from '../args';
import { readInput } from '../input';
import { UsageError, type CliIo } from '../io';
import { withStore } from '../store';
import { renderText } from '../../../shared/i18n/catalogue';

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { series: { type: 'string' }, template: { type: 'string' } }, { min: 1, max: 1 });
  const file = positionals[0]!;
  const data = readInput(io, file);
  const doc = await withStore(io, str(values.db), (db) =>
    importIntoStore(db, data, file, { series: str(values.series), templateKey: str(values.template) }),
  );
  for (const notice of doc.notices ?? []) io.stderr(`${renderText('sv', notice)}\n`);
  io.stdout(`${doc.id}\n`);
  return 0;
}

export function newCommand(args: string[], io: CliIo): number {
  const { values } = parse(
    args,
    { template: { type: 'string' }, from: { type: 'string' }, date: { type: 'string' }, series: { type: 'string' } },
    { min: 0, max: 0 },
  );
  const template = str(values.template);
  if (!template) throw new UsageError('--template <key> is required');
  const date = str(values.date);
  if (date !== undefined && !IsoDateSchema.safeParse(date).success)
    throw new MinnesError('bad_input', `Ogiltigt datum "${date}": skriv ÅÅÅÅ-MM-DD.`);
  const from = str(values.from);
  const series = str(values.series);
  if (from && !date) throw new UsageError('--from needs --date: the date of the next meeting');
  const doc = withStore(io, str(values.db), (db) =>
    from && date
      ? nextMeeting(db, from, { date, templateKey: template, ...(series ? { series } : {}) })
      : createFromTemplate(db, template, { ...(date ? { date } : {}), ...(series ? { series } : {}) }),
  );
  io.stdout(`${doc.id}\n`);
  return 0;
}

export function showCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } }, { min: 1, max: 1 });
  const doc = withStore(io, str(values.db), (db) => loadDocument(db, positionals[0]!));
  if (values.json) {
    io.stdout(`${JSON.stringify(doc)}\n`);
    return 0;
  }
  const m = doc.metadata;
  const lines = [
    doc.title,
    '',
    `id:        ${doc.id}`,
    `status:    ${doc.status}${doc.readOnly ? ' (read-only)' : ''}`,
    `date:      ${m.date || '-'}`,
    `template:  ${doc.templateKey ?? '(none)'}${doc.templateVersion ? ` v${doc.templateVersion}` : ''}`,
    `ministry:  ${m.department || '-'}`,
    `unit:      ${m.unit || '-'}`,
    `dnr:       ${m.dnr || '-'}`,
    `series:    ${m.series || '-'}`,
    `sections:  ${doc.content.sections.map((s) => s.heading).join(', ')}`,
    `updated:   ${doc.updatedAt}`,
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
