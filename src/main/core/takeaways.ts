import { ContentEnvelopeSchema } from '../../shared/content';
import { runsText, type Block, type ListBlock, type MinutesDocument, type Run } from '../../shared/document-model';
import type { Status } from '../../shared/domain';
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from '../../shared/house-style';
import { MetadataSchema, type Metadata } from '../../shared/metadata';
import type { Series, Takeaway, TakeawayGroup } from '../../shared/series';
import { formatDateInText } from '../../shared/swedish-format';
import { variableValue } from '../../shared/variables';
import type { Db } from './db';
import { lexicalToBlocks } from './model/lexical-to-blocks';
import { countedVersion } from './record-versions';
import { getSeries } from './series-repo';
import { getTemplate } from './templates/template-repo';

/** The section key the samråd template gives "Medskick". */
export const TAKEAWAY_SECTION = 'medskick';

/** In a document without that section (a free-form import), the takeaways are the list after a sentence like this. */
const INTRO_PATTERN = /lyfte|medskick/i;

type Row = {
  id: string;
  title: string;
  meeting_date: string | null;
  status: Status;
  metadata: string;
  content: string | null;
  template_key: string | null;
  template_version: number | null;
};

type Collected = { group: TakeawayGroup; metadata: Metadata; row: Row };

const isBlank = (runs: Run[]) => runsText(runs).trim() === '';

function toTakeaways(lists: ListBlock[]): Takeaway[] {
  const out: Takeaway[] = [];
  for (const list of lists) {
    for (const item of list.items) {
      // The template's empty "- " placeholder is not a takeaway.
      if (isBlank(item.runs)) continue;
      const bold = item.runs.find((r) => r.type === 'text' && r.bold && r.text.trim() !== '');
      out.push({
        runs: item.runs,
        keyPhrase: bold?.type === 'text' ? bold.text.trim() : null,
        text: runsText(item.runs).trim(),
      });
    }
  }
  return out;
}

/** The lists right after the first paragraph (or heading) that introduces what was brought up. */
function listsAfterIntro(blocks: Block[]): ListBlock[] {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!b || (b.type !== 'paragraph' && b.type !== 'heading') || !INTRO_PATTERN.test(runsText(b.runs))) continue;
    const lists: ListBlock[] = [];
    // A blank line inside a Markdown list splits it in two; both halves are the same list to a reader.
    for (let j = i + 1; blocks[j]?.type === 'list'; j++) lists.push(blocks[j] as ListBlock);
    if (lists.length > 0) return lists;
  }
  return [];
}

function documentTakeaways(row: Row, metadata: Metadata): Takeaway[] {
  if (!row.content) return [];
  const content = ContentEnvelopeSchema.parse(JSON.parse(row.content));
  const resolve = (name: string): string | null => variableValue(name, metadata) || null;
  const section = content.sections.find((s) => s.key === TAKEAWAY_SECTION);
  if (section) return toTakeaways(lexicalToBlocks(section.state, resolve).filter((b): b is ListBlock => b.type === 'list'));
  return toTakeaways(listsAfterIntro(content.sections.flatMap((s) => lexicalToBlocks(s.state, resolve))));
}

function collect(db: Db, seriesName: string, year?: number): Collected[] {
  const byYear = year === undefined ? '' : `AND substr(d.meeting_date, 1, 4) = @year`;
  const rows = db
    .prepare(
      `SELECT d.id, d.title, d.meeting_date, d.status, d.metadata, d.content, d.template_key, d.template_version FROM documents d
       WHERE d.series = @series AND d.deleted_at IS NULL AND ${countedVersion('d')} ${byYear}
       ORDER BY d.meeting_date IS NULL, d.meeting_date, d.created_at`,
    )
    .all({ series: seriesName, ...(year === undefined ? {} : { year: String(year) }) }) as Row[];
  return rows.map((row) => {
    const metadata = MetadataSchema.parse(JSON.parse(row.metadata));
    const group: TakeawayGroup = {
      documentId: row.id,
      title: row.title,
      date: row.meeting_date,
      status: row.status,
      items: documentTakeaways(row, metadata),
    };
    return { group, metadata, row };
  });
}

/**
 * "Medskick över året": the takeaways of every minutes in the series that is not in the trash,
 * one group per record in meeting order (undated documents last), from the version that counts:
 * the latest approved one, so a draft of version 2 changes nothing until it is approved. `year` keeps one year's meetings.
 */
export function collectTakeaways(db: Db, seriesName: string, opts: { year?: number } = {}): TakeawayGroup[] {
  return collect(db, seriesName, opts.year).map((c) => c.group);
}

export type TakeawaysMeta = {
  department: string;
  unit: string;
  /** Today's ISO date: the header date, passed in so the same input always gives the same document. */
  today: string;
  style?: HouseStyle;
};

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** "A", "A och B", "A, B och C". */
function joinSv(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

function introText(groups: TakeawayGroup[], series: Pick<Series, 'name' | 'year' | 'partners'>): string {
  if (groups.length === 0) return `Serien ${series.name} har ännu inga minnesanteckningar från ${series.year}.`;
  const partners = series.partners.length > 0 ? `, planerade i samverkan mellan ${joinSv(series.partners)}` : '';
  return (
    `Sammanställningen samlar civilsamhällets medskick från ${groups.length} samråd i serien ${series.name} under ${series.year}${partners}. ` +
    'Medskicken återges per möte i datumordning, med nyckelfraserna i fetstil.'
  );
}

/** The overview as a document model in the house style: one heading per meeting and its takeaways as a bullet list. */
export function takeawaysDocument(
  groups: TakeawayGroup[],
  series: Pick<Series, 'name' | 'year' | 'partners'>,
  meta: TakeawaysMeta,
): MinutesDocument {
  const title = `Medskick från civilsamhället ${series.year} – ${series.name}`;
  const blocks: Block[] = [{ type: 'paragraph', runs: [{ type: 'text', text: introText(groups, series) }] }];
  for (const g of groups) {
    const heading = g.date ? capitalise(`samråd ${formatDateInText(g.date)}`) : g.title;
    blocks.push({ type: 'heading', level: 1, runs: [{ type: 'text', text: heading }] });
    if (g.items.length === 0) blocks.push({ type: 'paragraph', runs: [{ type: 'text', text: 'Inga medskick antecknade.' }] });
    else blocks.push({ type: 'list', ordered: false, items: g.items.map((i) => ({ runs: i.runs, children: [] })) });
  }
  return {
    header: { department: meta.department, unit: meta.unit, documentType: 'Sammanställning', date: meta.today, dnr: '' },
    title,
    blocks,
    properties: {
      subject: `Medskick ${series.year}`,
      author: meta.unit || meta.department,
      language: 'sv-SE',
      keywords: `medskick, civilsamhället, ${series.name}`,
      created: `${meta.today}T00:00:00.000Z`,
    },
    style: meta.style ?? DEFAULT_HOUSE_STYLE,
  };
}

/** The house style of the first meeting's template, else the series' template, else the default. */
function styleFor(db: Db, first: Row | undefined, templateKey: string | null | undefined): HouseStyle {
  const candidates: Array<[string | null | undefined, number | undefined]> = [
    [first?.template_key, first?.template_version ?? undefined],
    [templateKey, undefined],
  ];
  for (const [key, version] of candidates) {
    if (!key) continue;
    try {
      return getTemplate(db, key, version).houseStyle;
    } catch {
      // A template deleted since: the next candidate, or the default style, still gives a valid document.
    }
  }
  return DEFAULT_HOUSE_STYLE;
}

/** The year's takeaways of a series as DOCX bytes. `today` is an ISO date. */
export async function takeawaysDocx(db: Db, seriesName: string, today: string, opts: { year?: number } = {}): Promise<Uint8Array> {
  const series = getSeries(db, seriesName);
  const collected = collect(db, seriesName, opts.year);
  const first = collected[0];
  const model = takeawaysDocument(
    collected.map((c) => c.group),
    { ...series, year: opts.year ?? series.year },
    {
      department: first?.metadata.department ?? '',
      unit: first?.metadata.unit ?? '',
      today,
      style: styleFor(db, first?.row, series.templateKey),
    },
  );
  // Loaded on demand, as export-document.ts does: the docx library is only needed when exporting.
  const { writeDocx } = await import('./export/docx-writer');
  return writeDocx(model);
}
