import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHeadlessEditor } from '@lexical/headless';
import { $generateNodesFromDOM } from '@lexical/html';
import { $getRoot, type SerializedEditorState } from 'lexical';
import { DOMParser } from 'linkedom';
import { CONTENT_FORMAT, CONTENT_VERSION, type SectionContent } from '../../src/shared/content';
import type { MinutesDocument } from '../../src/shared/document-model';
import { cleanPastedHtml } from '../../src/shared/lexical/clean-paste';
import { MINNES_NODES } from '../../src/shared/lexical/nodes';
import { MetadataSchema } from '../../src/shared/metadata';
import { importFile, importText } from '../../src/main/core/import';
import { buildMinutes } from '../../src/main/core/model/build-minutes';
import { writeDocx } from '../../src/main/core/export/docx-writer';
import { writePdf } from '../../src/main/core/export/pdf-writer';

/**
 * Helpers for the table and link tests (not a test file itself): content in by the real paths
 * (Markdown import, a paste through cleanPastedHtml and Lexical's own HTML import, a Word file),
 * files out by the real writers, read back by python-docx, poppler and qpdf.
 */

const parser = new DOMParser() as unknown as globalThis.DOMParser;

function model(sections: SectionContent[], metadata: unknown = {}): MinutesDocument {
  const envelope = { format: CONTENT_FORMAT, version: CONTENT_VERSION, sections } as const;
  return buildMinutes(MetadataSchema.parse(metadata), envelope, null).model;
}

const section = (state: SerializedEditorState): SectionContent => ({
  key: 'body',
  heading: 'Anteckningar',
  printHeading: false,
  guidance: '',
  carryOver: false,
  state,
});

/** A Markdown file, imported as the app imports it, as the model the writers get. */
export function markdownModel(markdown: string): MinutesDocument {
  const r = importText(Buffer.from(markdown, 'utf8'), 'anteckningar.md');
  return model(r.sections, r.metadata);
}

/** A Word file, imported as the app imports it. */
export async function docxModel(bytes: Uint8Array): Promise<MinutesDocument> {
  const r = await importFile(Buffer.from(bytes), 'minnes.docx');
  return model(r.sections, r.metadata);
}

/** Clipboard HTML pasted the editor's way (cleanPastedHtml, then Lexical's $generateNodesFromDOM) → the section's state. */
export function pastedState(html: string): SerializedEditorState {
  const clean = cleanPastedHtml(html, parser);
  const editor = createHeadlessEditor({
    namespace: 'paste-test',
    nodes: [...MINNES_NODES],
    onError: (e) => {
      throw e;
    },
  });
  editor.update(
    () => {
      // A browser's parser adds the body a clipboard fragment lacks; linkedom needs it written.
      const dom = parser.parseFromString(`<!doctype html><html><body>${clean}</body></html>`, 'text/html');
      $getRoot()
        .clear()
        .append(...$generateNodesFromDOM(editor, dom));
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON();
}

/** A stored section state (a paste, the API, an old version) as the model. */
export function stateModel(state: SerializedEditorState): MinutesDocument {
  return model([section(state)], { title: 'Samråd om tabeller' });
}

export async function docxFile(dir: string, doc: MinutesDocument): Promise<string> {
  const file = join(dir, 'minnes.docx');
  writeFileSync(file, await writeDocx(doc));
  return file;
}

export async function pdfFile(dir: string, doc: MinutesDocument): Promise<string> {
  const file = join(dir, 'minnes.pdf');
  writeFileSync(file, await writePdf(doc));
  return file;
}

export const run = (cmd: string, ...args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

export type DocxReadBack = {
  tables: { header: boolean; cells: string[] }[][];
  rels: { id: string; target: string; external: boolean }[];
  hyperlinks: { id: string; text: string; styles: string[] }[];
};

const READ_DOCX = `import docx, sys, json
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
tables = []
for t in d.tables:
    rows = []
    for r in t.rows:
        trPr = r._tr.trPr
        # row.cells lays out the whole grid on every call; a cell of each w:tc is linear.
        cells = [docx.table._Cell(tc, t).text for tc in r._tr.tc_lst]
        rows.append({'header': trPr is not None and trPr.find(qn('w:tblHeader')) is not None, 'cells': cells})
    tables.append(rows)
rels = [{'id': r.rId, 'target': r.target_ref, 'external': r.is_external} for r in d.part.rels.values() if r.reltype.endswith('/hyperlink')]
links = [{'id': h.get(qn('r:id')), 'text': ''.join(t.text or '' for t in h.iter(qn('w:t'))), 'styles': [s.get(qn('w:val')) for s in h.iter(qn('w:rStyle'))]} for h in d.element.body.iter(qn('w:hyperlink'))]
print(json.dumps({'tables': tables, 'rels': rels, 'hyperlinks': links}))`;

/** The body's tables (rows, tblHeader, cell text) and hyperlinks as python-docx reads them. */
export function readDocx(file: string): DocxReadBack {
  // Debian's python3 carries python3-docx; a python3 earlier on PATH (pyenv) may not.
  return JSON.parse(run('/usr/bin/python3', '-c', READ_DOCX, file)) as DocxReadBack;
}

/** `objrPage`: the page the /Link element's object reference (OBJR) names for the annotation. */
export type PdfLink = { uri: string; contents: string; page: number; structParent: number | undefined; objrPage: number };

type QpdfObject = { value?: unknown; stream?: { dict: Record<string, unknown> } };
const str = (v: unknown) => (typeof v === 'string' ? v.replace(/^[ub]:/, '') : '');

/** Every Link annotation of the file (qpdf's JSON): its URI action, /Contents and page (1-based). */
export function pdfLinks(file: string): PdfLink[] {
  const json = JSON.parse(run('qpdf', '--json=2', file)) as { qpdf: [unknown, Record<string, QpdfObject>] };
  const objects = json.qpdf[1];
  const dict = (ref: unknown) => (objects[`obj:${String(ref)}`]?.value ?? {}) as Record<string, unknown>;
  const pages = Object.entries(objects)
    .filter(([, o]) => (o.value as Record<string, unknown> | undefined)?.['/Type'] === '/Page')
    .map(([key, o]) => ({ key: key.replace(/^obj:/, ''), annots: ((o.value as Record<string, unknown>)['/Annots'] ?? []) as string[] }));
  const order = pageOrder(objects);
  // Annotation → the page its OBJR in a /Link element names.
  const objr = new Map<string, string>();
  for (const o of Object.values(objects)) {
    const v = o.value as Record<string, unknown> | undefined;
    if (v?.['/S'] !== '/Link' || !Array.isArray(v['/K'])) continue;
    for (const k of v['/K'] as Record<string, unknown>[]) if (k?.['/Type'] === '/OBJR') objr.set(String(k['/Obj']), String(k['/Pg']));
  }
  const out: PdfLink[] = [];
  for (const p of pages) {
    for (const ref of p.annots) {
      const a = dict(ref);
      if (a['/Subtype'] !== '/Link') continue;
      const action = typeof a['/A'] === 'string' ? dict(a['/A']) : ((a['/A'] ?? {}) as Record<string, unknown>);
      out.push({
        uri: str(action['/URI']),
        contents: str(a['/Contents']),
        page: order.indexOf(p.key) + 1,
        structParent: typeof a['/StructParent'] === 'number' ? a['/StructParent'] : undefined,
        objrPage: order.indexOf(objr.get(ref) ?? '') + 1,
      });
    }
  }
  return out;
}

/** Page object references in page order (the page tree's /Kids, depth first). */
function pageOrder(objects: Record<string, QpdfObject>): string[] {
  const value = (ref: string) => (objects[`obj:${ref}`]?.value ?? {}) as Record<string, unknown>;
  const catalog = Object.values(objects).find((o) => (o.value as Record<string, unknown> | undefined)?.['/Type'] === '/Catalog');
  const walk = (ref: string): string[] => {
    const node = value(ref);
    return node['/Type'] === '/Pages' ? ((node['/Kids'] ?? []) as string[]).flatMap(walk) : [ref];
  };
  return walk(String((catalog?.value as Record<string, unknown>)['/Pages']));
}
