import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../src/main/core/dispatch';
import { createHandlers } from '../src/main/core/handlers';
import { openStore } from '../src/main/core/store';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();

// Förhandsgranska is how a secretary finds what is missing: it must never be refused for that.
describe('preview with variables that have no value', () => {
  it('draws them as marked placeholders in the PDF, while export is still refused', async () => {
    const dbPath = join(tmp(), 'm.sqlite');
    const db = openStore(dbPath);
    const handlers = createHandlers({ db, dbPath, host: 'browser' });
    const created = await dispatch(handlers, 'createDocument', { templateKey: 'samrad', metadata: { theme: 'Vatten' } });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: string }).id;

    const refused = await dispatch(handlers, 'exportDocument', { id, format: 'pdf' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'missing_variables', message: expect.stringMatching(/^Kan inte exportera/) },
    });
    const docx = await dispatch(handlers, 'exportDocument', { id, format: 'docx', preview: true });
    expect(docx).toMatchObject({ ok: false, error: { code: 'missing_variables' } });

    const preview = await dispatch(handlers, 'exportDocument', { id, format: 'pdf', preview: true });
    if (!preview.ok) throw new Error(preview.error.message);
    const file = join(tmp(), 'preview.pdf');
    writeFileSync(file, Buffer.from((preview.value as { dataBase64: string }).dataBase64, 'base64'));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('[Datum saknas]');
    expect(text).toContain('[Departement saknas]');
    expect(text).not.toContain('{{datum}}');
    expect(text).toContain('Vatten');
    db.close();
  });
});
