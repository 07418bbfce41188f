/**
 * A stand-in for the app's autosave, for test/crash-safety.test.ts, which bundles it with esbuild and
 * kills it at random moments. It creates a document, then saves it again and again with growing
 * content, and reports each save on stdout only after saveDocument returned (the transaction committed):
 *   created <id>
 *   saved <id> <n>      metadata.theme is n and section 1 holds n "Stycke" paragraphs
 */
import { writeSync } from 'node:fs';
import type { SerializedLexicalNode } from 'lexical';
import { saveDocument } from '../../src/main/core/document-store';
import { createFromTemplate } from '../../src/main/core/new-document';
import { openStore } from '../../src/main/core/store';

const file = process.argv[2];
if (!file) throw new Error('usage: autosave-worker <db>');

const db = openStore(file);
const doc = createFromTemplate(db, 'samrad', { theme: '0' });
// Written with writeSync so that a line is out before the next save starts (no buffering to lose).
writeSync(1, `created ${doc.id}\n`);

const section = doc.content.sections[0];
if (!section) throw new Error('the samrad template has no sections');
const children = section.state.root.children as SerializedLexicalNode[];
const filler = 'Deltagarna diskuterade förslaget och återkom med synpunkter. '.repeat(8);
const started = Date.now();

// Bounded, so that a worker the test failed to kill does not run forever.
for (let n = 1; Date.now() - started < 30_000; n++) {
  const text = { type: 'text', version: 1, text: `Stycke ${n}. ${filler}`, format: 0, detail: 0, mode: 'normal', style: '' };
  children.push({ type: 'paragraph', version: 1, children: [text] } as SerializedLexicalNode);
  saveDocument(db, doc.id, { content: doc.content, metadata: { ...doc.metadata, theme: String(n) } });
  writeSync(1, `saved ${doc.id} ${n}\n`);
}
db.close();
