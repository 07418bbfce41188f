import { SeriesSchema, type Series } from '../../../shared/series';
import type { Template } from '../../../shared/template';
import { MinnesError, msg, reasonOf, userError } from '../errors';
import { listSeries, saveSeries } from '../series-repo';
import { requireAccount } from '../sync/team-account';
import { teamApi } from '../sync/team-client';
import { findLiveTemplate, updateTemplate, validateTemplate } from '../templates/manage';
import { importTemplateJson } from '../templates/template-file';
import { getTemplate, isBuiltinKey, listTemplates } from '../templates/template-repo';
import type { CoreContext, HandlerGroup } from './context';

type Keys = 'shareTeamLibrary' | 'fetchTeamLibrary';

/**
 * The unit's template library and the year's series through the team server (src/server/library.ts):
 * a sekreterare shares what this computer has, anyone signed in fetches it. Built-in templates are
 * every app's own and never travel. A fetched template keeps this store's way of changing one: a
 * new key is imported, a changed one becomes its next version here, an identical one is left alone.
 */

/** JSON with every object's keys in order: the server keeps the template as jsonb, which reorders them. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Alike but for the version number, which each store counts for itself. */
const sameTemplate = (a: Template, b: Template) => canonical({ ...a, version: 0 }) === canonical({ ...b, version: 0 });
const sameSeries = (a: Series, b: Series) =>
  canonical({ ...a, templateKey: a.templateKey ?? null }) === canonical({ ...b, templateKey: b.templateKey ?? null });

/** The series planned here (not the names only found on documents), without the list's counts. */
function savedSeries(ctx: CoreContext): Series[] {
  return listSeries(ctx.db)
    .filter((s) => s.saved)
    .map(({ name, year, partners, planned, templateKey }) => SeriesSchema.parse({ name, year, partners, planned, templateKey }));
}

/** The server's refusal of one template or series, saying which; an unreachable server as it is. */
async function naming<T>(
  what: 'errors.team.templateRefused' | 'errors.team.seriesRefused',
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof MinnesError && e.code === 'team_refused') throw userError(e.code, what, { name, reason: reasonOf(e) });
    throw e;
  }
}

function checkedTemplate(key: string, value: unknown): Template {
  try {
    const t = validateTemplate(value);
    if (t.key !== key || isBuiltinKey(key)) throw userError('template_invalid', 'errors.team.keyMismatch');
    return t;
  } catch (e) {
    throw userError('team_bad_answer', 'errors.team.badTemplate', { key, reason: e instanceof MinnesError ? reasonOf(e) : String(e) });
  }
}

function checkedSeries(name: string, value: unknown): Series {
  const parsed = SeriesSchema.safeParse(value);
  if (!parsed.success || parsed.data.name !== name) {
    const reason = parsed.success ? msg('errors.team.nameMismatch') : (parsed.error.issues[0]?.message ?? msg('errors.invalidData'));
    throw userError('team_bad_answer', 'errors.team.badSeries', { name, reason });
  }
  return parsed.data;
}

export function teamLibraryHandlers(ctx: CoreContext): HandlerGroup<Keys> {
  return {
    shareTeamLibrary: async () => {
      const a = requireAccount(ctx.db, ctx.secrets);
      // The server refuses it too; this also refuses a rapportör who has nothing to share.
      if (a.user.role !== 'sekreterare') {
        throw userError('team_forbidden', 'errors.team.secretaryOnly');
      }
      const templates = listTemplates(ctx.db)
        .filter((t) => !t.builtin)
        .map((t) => getTemplate(ctx.db, t.key));
      const series = savedSeries(ctx);
      for (const t of templates) {
        await naming('errors.team.templateRefused', t.name, () => teamApi.putTemplate(a.serverUrl, a.token, t.key, t));
      }
      for (const s of series) await naming('errors.team.seriesRefused', s.name, () => teamApi.putSeries(a.serverUrl, a.token, s.name, s));
      return { templates: templates.length, series: series.length };
    },
    fetchTeamLibrary: async () => {
      const a = requireAccount(ctx.db, ctx.secrets);
      const remoteTemplates = await teamApi.templates(a.serverUrl, a.token);
      const remoteSeries = await teamApi.series(a.serverUrl, a.token);
      // Everything is checked before anything is stored, and stored in one transaction: all or nothing.
      const templates = remoteTemplates.map((r) => checkedTemplate(r.key, r.template));
      const series = remoteSeries.map((r) => checkedSeries(r.name, r.series));
      return ctx.db
        .transaction(() => {
          const count = { templates: 0, series: 0, unchanged: 0 };
          for (const t of templates) {
            const here = findLiveTemplate(ctx.db, t.key);
            if (here && sameTemplate(here, t)) count.unchanged++;
            else {
              if (here) updateTemplate(ctx.db, { ...t, version: here.version });
              else importTemplateJson(ctx.db, JSON.stringify(t));
              count.templates++;
            }
          }
          const saved = new Map(savedSeries(ctx).map((s) => [s.name, s]));
          for (const s of series) {
            const here = saved.get(s.name);
            if (here && sameSeries(here, s)) count.unchanged++;
            else {
              saveSeries(ctx.db, s);
              count.series++;
            }
          }
          return count;
        })
        .immediate();
    },
  };
}
