import { execFileSync } from 'node:child_process';

/** Reads an exported DOCX back with python-docx, as an independent tool would. */
function pythonDocx(script: string, path: string): string {
  // Debian's python3 has python3-docx; one earlier on PATH (pyenv) may not.
  return execFileSync('/usr/bin/python3', ['-c', `import docx,sys,json; d=docx.Document(sys.argv[1]); ${script}`, path], {
    encoding: 'utf8',
  });
}

/** The body's paragraphs, one per line. */
export function docxText(path: string): string {
  return pythonDocx('print("\\n".join(p.text for p in d.paragraphs))', path);
}

/** Every table's rows, as the cells' text. */
export function docxTableRows(path: string): string[][] {
  return JSON.parse(pythonDocx('print(json.dumps([[c.text for c in r.cells] for t in d.tables for r in t.rows]))', path)) as string[][];
}
