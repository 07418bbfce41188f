import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Hostile inputs for the import limits, built small: deep Markdown as text, and zip bombs as a
 * few megabytes of deflate that expand to hundreds of megabytes or gigabytes.
 */

export type DeepShape = 'bullets' | 'numbers' | 'quotes' | 'one-line' | 'quoted-list';

/** Markdown nested `depth` levels; every level has its own word ("ord0", "ord1", …). */
export function deepMarkdown(shape: DeepShape, depth: number): string {
  const levels = Array.from({ length: depth }, (_, d) => d);
  switch (shape) {
    case 'bullets':
      return levels.map((d) => `${' '.repeat(d * 2)}- ord${d}`).join('\n');
    case 'numbers':
      return levels.map((d) => `${' '.repeat(d * 3)}1. ord${d}`).join('\n');
    case 'quotes':
      return levels.map((d) => `${'>'.repeat(d + 1)} ord${d}`).join('\n\n');
    case 'one-line':
      return `${'- '.repeat(depth)}ord0`;
    case 'quoted-list':
      return levels.map((d) => `> > ${' '.repeat(d * 2)}- ord${d}`).join('\n');
  }
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

type Part = { name: string; data: Buffer; method: 0 | 8; size: number; crc: number };

/** A zip written by hand, so the sizes it claims can differ from what it holds. */
function zip(parts: readonly Part[], claim: (p: Part) => number = (p) => p.size): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const fields = [
      u16(20),
      u16(0),
      u16(p.method),
      u16(0),
      u16(0x21),
      u32(p.crc),
      u32(p.data.length),
      u32(claim(p)),
      u16(name.length),
      u16(0),
    ];
    const header = Buffer.concat([u32(0x04034b50), ...fields, name]);
    local.push(header, p.data);
    central.push(Buffer.concat([u32(0x02014b50), u16(20), ...fields, u16(0), u16(0), u16(0), u32(0), u32(offset), name]));
    offset += header.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(parts.length), u16(parts.length), u32(cd.length), u32(offset), u16(0)]);
  return Buffer.concat([...local, cd, end]);
}

const stored = (name: string, text: string): Part => {
  const data = Buffer.from(text);
  return { name, data, method: 0, size: data.length, crc: crc32(data) };
};
const deflated = (name: string, text: string): Part => {
  const data = Buffer.from(text);
  return { name, data: deflateRawSync(data), method: 8, size: data.length, crc: crc32(data) };
};

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A valid .docx with the given body paragraphs. */
export function smallDocx(paragraphs: readonly string[]): Buffer {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  return zip([
    stored('[Content_Types].xml', CONTENT_TYPES),
    stored('_rels/.rels', RELS),
    deflated('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  ]);
}

/**
 * A .docx whose word/document.xml is a paragraph followed by `megabytes` MB of spaces. One MB of
 * spaces is deflated once, ending on a sync flush so it is byte-aligned and not final, and repeated:
 * its back-references only ever reach spaces, so the repeats form one valid stream. With `lie`, the
 * zip's directory claims the part is 1 KB, as a crafted bomb would.
 */
export function zipBombDocx(megabytes: number, lie = false): Buffer {
  const headText = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>ord0</w:t></w:r></w:p>`);
  const tailText = Buffer.from('</w:body></w:document>');
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  const head = deflateRawSync(headText, { finishFlush: constants.Z_SYNC_FLUSH });
  const mb = deflateRawSync(spaces, { finishFlush: constants.Z_SYNC_FLUSH });
  const tail = deflateRawSync(tailText);
  const size = headText.length + spaces.length * megabytes + tailText.length;
  // A true checksum only where it is cheap: a bomb is refused before anything reads it.
  let crc = 0;
  if (megabytes <= 64) {
    crc = crc32(headText);
    for (let i = 0; i < megabytes; i++) crc = crc32(spaces, crc);
    crc = crc32(tailText, crc);
  }
  const data = Buffer.concat([head, ...Array<Buffer>(megabytes).fill(mb), tail]);
  const doc: Part = { name: 'word/document.xml', data, method: 8, size, crc };
  return zip([stored('[Content_Types].xml', CONTENT_TYPES), stored('_rels/.rels', RELS), doc], (p) =>
    lie && p === doc ? 1024 : Math.min(p.size, 0xffffffff),
  );
}

/** A .docx with `count` extra parts, each tiny. */
export function manyPartsDocx(count: number): Buffer {
  const extra = Array.from({ length: count }, (_, i) => stored(`word/media/x${i}.txt`, 'x'));
  const doc = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>ord0</w:t></w:r></w:p></w:body></w:document>`;
  return zip([stored('[Content_Types].xml', CONTENT_TYPES), stored('_rels/.rels', RELS), deflated('word/document.xml', doc), ...extra]);
}
