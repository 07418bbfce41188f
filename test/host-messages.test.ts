import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../src/main/core/dispatch';
import { createHandlers } from '../src/main/core/handlers';
import { MinnesError } from '../src/main/core/errors';
import { missingError } from '../src/main/core/export-document';
import { JOB_LABELS } from '../src/main/core/jobs/runner';
import { openStore } from '../src/main/core/store';
import { changeStatus } from '../src/main/core/workflow';
import { STATUS_LABELS, STATUSES, TRANSITIONS, type Status } from '../src/shared/domain';
import { renderText, translate } from '../src/shared/i18n/catalogue';
import type { MessageText } from '../src/shared/i18n/format';
import { checkContentBounds, MAX_JSON_DEPTH, MAX_LIST_DEPTH } from '../src/shared/limits';
import { METADATA_LABELS, type MetadataKey } from '../src/shared/metadata';
import type { ErrorInfo, Result } from '../src/shared/result';
import { VARIABLE_SOURCE, type VariableName } from '../src/shared/variables';
import { useTmpDir } from './support/tmp';

/**
 * The host's messages to the user come from the catalogue (src/shared/i18n/<lang>/errors.ts): the
 * CLI and the logs keep the Swedish `message`, and the renderer shows `text` in the UI's language.
 */

const ROOT = join(__dirname, '..');
const tmp = useTmpDir();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

/** Written text (a string or template literal) in `node`, not counting what is passed on to a call (a key for msg()). */
function writtenText(node: ts.Node): ts.Node | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return node;
  if (ts.isCallExpression(node)) return null;
  let found: ts.Node | null = null;
  node.forEachChild((child) => {
    found ??= writtenText(child);
  });
  return found;
}

/**
 * Places that still build a user's message from text in the code. An exception names the file and
 * the reason; there are none today (the team server's own sentences reach the app as variables).
 */
const EXCEPTIONS: Record<string, string> = {};

function literalMessages(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const where = (n: ts.Node) => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const visit = (node: ts.Node) => {
    // new MinnesError(code, <message>)
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'MinnesError') {
      const message = node.arguments?.[1];
      if (message && writtenText(message)) found.push(where(node));
    }
    // super(code, <message>) in a class that extends MinnesError
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
      const cls = ts.findAncestor(node, ts.isClassDeclaration);
      const base = cls?.heritageClauses?.[0]?.types[0]?.expression;
      const message = node.arguments[1];
      if (base && ts.isIdentifier(base) && base.text === 'MinnesError' && message && writtenText(message)) found.push(where(node));
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return found;
}

/** `{ code, message: 'Swedish text' }`: an error envelope written by hand instead of with errorInfo(). */
function handWrittenEnvelopes(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const names = node.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : ''));
      const message = node.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'message');
      if (names.includes('code') && message && ts.isPropertyAssignment(message) && writtenText(message.initializer)) {
        found.push(`${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`);
      }
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return found;
}

describe('no user message is written in the host code', () => {
  it('every MinnesError in src/main/core takes its message from the catalogue', () => {
    const files = sources(join(ROOT, 'src/main/core')).filter((f) => !(relative(ROOT, f) in EXCEPTIONS));
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(literalMessages)).toEqual([]);
  });

  it('the gate and the hosts write their error envelopes with errorInfo()', () => {
    const files = ['src/main/core/dispatch.ts', 'src/main/web/server.ts', 'src/main/app/ipc.ts'].map((f) => join(ROOT, f));
    expect(files.flatMap(handWrittenEnvelopes)).toEqual([]);
  });

  it('the check finds a literal message (so that passing it means something)', () => {
    const probe = join(ROOT, 'src/main/core/errors.ts');
    expect(literalMessages(probe)).toEqual([]);
    const sf = ts.createSourceFile('x.ts', "throw new MinnesError('x', `Filen ${name} är tom.`);", ts.ScriptTarget.Latest, true);
    let flagged = false;
    const visit = (n: ts.Node) => {
      if (ts.isNewExpression(n) && n.arguments?.[1] && writtenText(n.arguments[1])) flagged = true;
      n.forEachChild(visit);
    };
    visit(sf);
    expect(flagged).toBe(true);
  });
});

describe('Swedish words the catalogue repeats stay the same as their sources', () => {
  it('status words, job names, field labels and content limits', () => {
    for (const s of STATUSES) {
      expect(translate('sv', `errors.status.${s}`)).toBe(STATUS_LABELS[s].toLowerCase());
    }
    for (const [kind, label] of Object.entries(JOB_LABELS))
      expect(translate('sv', `errors.job.${kind as keyof typeof JOB_LABELS}`)).toBe(label);
    for (const [key, label] of Object.entries(METADATA_LABELS)) expect(translate('sv', `meta.${key as MetadataKey}`)).toBe(label);
    const deep = checkContentBounds({ format: 'x', version: 1, sections: [{ state: nested(MAX_JSON_DEPTH) }] });
    expect(deep).toMatchObject({ ok: false, error: { code: 'content_too_deep' } });
    if (!deep.ok) expect(translate('sv', 'errors.content.tooDeep', { max: String(MAX_LIST_DEPTH) })).toBe(deep.error.message);
  });
});

/** A Lexical state with lists nested `depth` deep. */
function nested(depth: number): unknown {
  let node: unknown = { type: 'text', text: 'x' };
  for (let i = 0; i < depth; i++) node = { type: 'list', children: [{ type: 'listitem', children: [node] }] };
  return { root: { type: 'root', children: [node] } };
}

/** What the export refusal said before the catalogue, for comparison. */
function oldMissingMessage(missing: string[]): string {
  const empty: string[] = [];
  const unknown: string[] = [];
  for (const name of missing) {
    const field = VARIABLE_SOURCE[name.toLowerCase() as VariableName];
    if (field) empty.push(`{{${name}}} (fyll i ${METADATA_LABELS[field]})`);
    else unknown.push(`{{${name}}}`);
  }
  const parts: string[] = [];
  if (empty.length > 0) parts.push(`${empty.length === 1 ? 'variabeln' : 'variablerna'} ${empty.join(', ')} saknar värde`);
  if (unknown.length > 0) parts.push(`${unknown.length === 1 ? 'okänd variabel' : 'okända variabler'} ${unknown.join(', ')}`);
  return `Kan inte exportera: ${parts.join('; ')}.`;
}

describe('messages built from parts read as before in Swedish', () => {
  it('the export refusal for variables without a value', () => {
    const cases = [['datum'], ['datum', 'departement', 'plats'], ['okänd'], ['x', 'y'], ['datum', 'x'], ['datum', 'plats', 'x', 'y', 'z']];
    for (const names of cases) expect(missingError(names).message).toBe(oldMissingMessage(names));
    const e = missingError(['datum', 'plats', 'x']);
    expect(e.text && renderText('en', e.text)).toBe(
      'Cannot export: the variables {{datum}} (fill in Date), {{plats}} (fill in Place) have no value; unknown variable {{x}}.',
    );
  });

  it('every refused status step', async () => {
    const { db, id } = await setup();
    const label = (s: Status) => STATUS_LABELS[s].toLowerCase();
    const old = (from: Status, to: Status) => {
      if (from === to) return `Dokumentet är redan ${label(to)}.`;
      if (from === 'registrerad') return 'Registrerade minnesanteckningar kan inte ändra status. Skapa en ny version.';
      const allowed = TRANSITIONS[from].map(label);
      return `Ett dokument kan inte gå från ${label(from)} till ${label(to)}${allowed.length ? ` (tillåtet: ${allowed.join(', ')})` : ''}.`;
    };
    for (const from of STATUSES) {
      // The step is refused before anything else is read, so setting the status is enough here.
      db.prepare(`UPDATE documents SET status = ? WHERE id = ?`).run(from, id);
      for (const to of STATUSES.filter((s) => !TRANSITIONS[from].includes(s))) {
        let thrown: unknown;
        try {
          changeStatus(db, id, { status: to, approvedBy: 'Karin Åström', dnr: 'A2026/01234' });
        } catch (e) {
          thrown = e;
        }
        expect(thrown, `${from} → ${to}`).toBeInstanceOf(MinnesError);
        expect((thrown as MinnesError).message).toBe(old(from, to));
      }
    }
    db.close();
  });
});

async function setup() {
  const dbPath = join(tmp(), 'm.sqlite');
  const db = openStore(dbPath);
  const handlers = createHandlers({ db, dbPath, host: 'browser' });
  const created = await dispatch(handlers, 'createDocument', { templateKey: 'samrad', metadata: { date: '2026-06-09' } });
  if (!created.ok) throw new Error(created.error.message);
  return { db, handlers, id: (created.value as { id: string }).id };
}

function refusal(r: Result<unknown>): ErrorInfo & { text: MessageText } {
  if (r.ok) throw new Error('expected a refusal');
  expect(r.error.text, r.error.message).toBeDefined();
  return r.error as ErrorInfo & { text: MessageText };
}

/** The Swedish message, and the same message as the English UI shows it. */
function both(r: Result<unknown>): { code: string; sv: string; en: string } {
  const e = refusal(r);
  expect(renderText('sv', e.text)).toBe(e.message);
  return { code: e.code, sv: e.message, en: renderText('en', e.text) };
}

describe('a refusal through dispatch is Swedish for the CLI and English for an English UI', () => {
  it('changing the status of a document that does not exist', async () => {
    const { db, handlers } = await setup();
    expect(both(await dispatch(handlers, 'changeStatus', { id: 'abcdefgh1234', status: 'granskning' }))).toEqual({
      code: 'not_found',
      sv: 'Det finns inget dokument med id abcdefgh1234.',
      en: 'There is no document with id abcdefgh1234.',
    });
    db.close();
  });

  it('approving without an approver, a step the workflow does not allow, and the same status again', async () => {
    const { db, handlers, id } = await setup();
    expect(both(await dispatch(handlers, 'changeStatus', { id, status: 'justerad', approvedBy: 'Karin' }))).toEqual({
      code: 'forbidden_step',
      sv: 'Ett dokument kan inte gå från utkast till justerad (tillåtet: granskning).',
      en: 'A document cannot go from draft to approved (allowed: in review).',
    });
    expect((await dispatch(handlers, 'changeStatus', { id, status: 'granskning' })).ok).toBe(true);
    expect(both(await dispatch(handlers, 'changeStatus', { id, status: 'registrerad', dnr: 'A2026/01234' }))).toEqual({
      code: 'forbidden_step',
      sv: 'Ett dokument kan inte gå från granskning till registrerad (tillåtet: utkast, justerad).',
      en: 'A document cannot go from in review to registered (allowed: draft, approved).',
    });
    expect(both(await dispatch(handlers, 'changeStatus', { id, status: 'justerad' }))).toEqual({
      code: 'approver_required',
      sv: 'Ange vem som justerade minnesanteckningarna.',
      en: 'Enter who approved the minutes.',
    });
    expect((await dispatch(handlers, 'changeStatus', { id, status: 'justerad', approvedBy: 'Karin Åström' })).ok).toBe(true);
    expect(both(await dispatch(handlers, 'changeStatus', { id, status: 'justerad', approvedBy: 'Karin Åström' }))).toEqual({
      code: 'same_status',
      sv: 'Dokumentet är redan justerad.',
      en: 'The document is already approved.',
    });
    db.close();
  });

  it('a bad registration number, and changing approved minutes', async () => {
    const { db, handlers, id } = await setup();
    await dispatch(handlers, 'changeStatus', { id, status: 'granskning' });
    await dispatch(handlers, 'changeStatus', { id, status: 'justerad', approvedBy: 'Karin Åström' });
    const bad = both(await dispatch(handlers, 'changeStatus', { id, status: 'registrerad', dnr: 'ABC-123' }));
    expect(bad.code).toBe('bad_dnr');
    expect(bad.sv).toMatch(/^Diarienumret skrivs som A2026\/01234/);
    expect(bad.en).not.toBe(bad.sv);
    expect(bad.en).not.toMatch(/[åäö]/);

    const doc = await dispatch(handlers, 'getDocument', { id });
    if (!doc.ok) throw new Error(doc.error.message);
    const detail = doc.value as { metadata: object; readOnlyReason: string | null };
    expect(detail.readOnlyReason).toBe('Dokumentet är justerat och låst. Skapa en ny version för att ändra det.');
    expect(both(await dispatch(handlers, 'saveDocument', { id, metadata: { ...detail.metadata, theme: 'Smygändring' } }))).toEqual({
      code: 'locked',
      sv: 'Dokumentet är justerat och låst. Skapa en ny version för att ändra det.',
      en: 'The document is approved and locked. Create a new version to change it.',
    });
    db.close();
  });

  it('an unknown channel, invalid input and a full disk', async () => {
    const { db, handlers } = await setup();
    expect(both(await dispatch(handlers, 'dropTables', {}))).toEqual({
      code: 'unknown_channel',
      sv: 'Okänt anrop: dropTables',
      en: 'Unknown call: dropTables',
    });
    const invalid = both(await dispatch(handlers, 'createDocument', { metadata: { date: '2026-02-30' } }));
    expect(invalid.code).toBe('invalid_input');
    // The schema's own words stay Swedish inside the sentence; the sentence follows the UI.
    expect(invalid.sv).toBe('Ogiltiga uppgifter (metadata.date): Datumet finns inte');
    expect(invalid.en).toBe('Invalid input (metadata.date): Datumet finns inte');

    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const failing = {
      ...handlers,
      listDocuments: () => {
        throw full;
      },
    };
    expect(both(await dispatch(failing, 'listDocuments', {}, () => {}))).toEqual({
      code: 'disk_full',
      sv: 'Det finns inte plats på disken, så ändringen kunde inte sparas. Det som redan var sparat finns kvar. Frigör utrymme och försök igen.',
      en: 'There is no space left on the disk, so the change could not be saved. What was already saved is kept. Free up space and try again.',
    });
    db.close();
  });

  it('a built-in template', async () => {
    const { db, handlers } = await setup();
    expect(both(await dispatch(handlers, 'deleteTemplate', { key: 'samrad' }))).toEqual({
      code: 'template_readonly',
      sv: 'Mallen "samrad" är inbyggd och kan inte tas bort. Gör en kopia av den i stället.',
      en: 'The template "samrad" is built in and cannot be deleted. Make a copy of it instead.',
    });
    db.close();
  });
});
