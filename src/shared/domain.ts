import type { MessageText } from './i18n/format';
import { z } from 'zod';

export const STATUSES = ['utkast', 'granskning', 'justerad', 'registrerad'] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum skrivs ÅÅÅÅ-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'Datumet finns inte',
  );

export const DocumentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/, 'Ogiltigt dokument-id');

export const DocumentSummarySchema = z.object({
  id: DocumentIdSchema,
  title: z.string(),
  meetingDate: z.string().nullable(),
  status: StatusSchema,
  series: z.string().nullable(),
  templateKey: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

/** Statuses in which the core refuses every change (issue: justering locks the minutes). */
export const LOCKED_STATUSES: readonly Status[] = ['justerad', 'registrerad'];

export const STATUS_LABELS: Record<Status, string> = {
  utkast: 'Utkast',
  granskning: 'Granskning',
  justerad: 'Justerad',
  registrerad: 'Registrerad',
};

/**
 * Diarienummer as the Government Offices write them: the ministry's letters, the year, a slash
 * and a serial, optionally a part and, as in ministry decisions, the unit after one more slash:
 * "A2026/01234", "Fi2026/00123-3", "A2020/00404/A", "Fi2026/00123-3/BA".
 */
export const DNR_PATTERN = /^[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,2}\d{4}\/\d{1,6}(-\d{1,4})?(\/[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5})?$/;

/** What is wrong with a diarienummer, as a catalogue message (the UI shows it in its language), or null. */
export function dnrProblem(dnr: string): MessageText | null {
  const v = dnr.trim();
  if (!v) return { key: 'meta.dnr.missing' };
  if (!DNR_PATTERN.test(v)) return { key: 'meta.dnr.format' };
  const year = Number(/\d{4}/.exec(v)?.[0]);
  if (year < 1990 || year > 2100) return { key: 'meta.dnr.year' };
  return null;
}

/** Which steps the workflow allows, from each status. */
export const TRANSITIONS: Record<Status, readonly Status[]> = {
  utkast: ['granskning'],
  granskning: ['utkast', 'justerad'],
  justerad: ['registrerad'],
  registrerad: [],
};
