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
