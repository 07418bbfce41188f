import { unzipSync, strFromU8 } from 'fflate';
import { it } from 'vitest';
import { writeDocx } from '../src/main/core/export/docx-writer';
import { writePdf } from '../src/main/core/export/pdf-writer';
import { seedDocument, structuredDocument } from './support/sample-model';
import { writeFileSync } from 'node:fs';

it('probe', async () => {
  const a = await writeDocx(structuredDocument());
  await new Promise((r) => setTimeout(r, 2100));
  const b = await writeDocx(structuredDocument());
  const ua = unzipSync(a),
    ub = unzipSync(b);
  console.log('docx equal', Buffer.from(a).equals(Buffer.from(b)), Object.keys(ua).join(','));
  for (const k of Object.keys(ua))
    if (!Buffer.from(ua[k]!).equals(Buffer.from(ub[k]!))) console.log('differs', k, strFromU8(ua[k]!).slice(0, 3000));
  const p1 = await writePdf(seedDocument(), { pdfa: true });
  await new Promise((r) => setTimeout(r, 1100));
  const p2 = await writePdf(seedDocument(), { pdfa: true });
  writeFileSync('/tmp/probe/1.pdf', p1);
  writeFileSync('/tmp/probe/2.pdf', p2);
  writeFileSync('/tmp/probe/1.docx', a);
  writeFileSync('/tmp/probe/2.docx', b);
});
