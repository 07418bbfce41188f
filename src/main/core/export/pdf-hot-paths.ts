/**
 * Shorter paths through pdfkit for what the writer does tens of thousands of times in a long
 * document. Each writes exactly the bytes pdfkit's own path writes; they only skip work whose
 * result the writer never uses, or keep fewer objects alive until the file is finished.
 */

type ContentStream = { write(chunk: string | Uint8Array): void; end(chunk?: string | Uint8Array): void };
type Page = { content: ContentStream };
type Run = { glyphs: unknown[]; positions: unknown[]; advanceWidth: number };
type Glyph = { id: number; codePoints: number[]; advanceWidth: number };
type EmbeddedFont = {
  layout(text: string, features?: unknown, onlyWidth?: boolean): Run | { glyphs: null; positions: null; advanceWidth: number };
  layoutRun(text: string, features?: unknown): Run;
  encode(text: string, features?: unknown): [string[], unknown[]];
  subset: { includeGlyph(id: number): number };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  scale: number;
  __hotLayout?: boolean;
};
type FragmentOptions = { baseline: number; textWidth: number; wordCount: number };
type Internals = {
  page: Page;
  _offset: number;
  _write: (data: string | Uint8Array) => void;
  _font?: EmbeddedFont;
  _fragment?: (text: string, x: number, y: number, options: FragmentOptions) => void;
};

const internals = (pdf: PDFKit.PDFDocument): Internals => pdf as unknown as Internals;

/** Operators kept as strings before they become one chunk of a page's content stream. */
const BATCH = 1024;

/**
 * pdfkit turns every content operator (BT, Tm, Tf, TJ, ET, q, cm, Q, BDC, EMC …) into a Uint8Array
 * of its own, and with buffered pages keeps all of them until the end: a 1,000-page document held
 * millions of tiny arrays, and the garbage collector walked them again and again. Here a page's
 * operators are collected as text and handed to pdfkit a batch at a time, joined with the same
 * newline pdfkit puts after each, so the stream's bytes (and its /Length) are unchanged.
 */
export function batchPageContent(pdf: PDFKit.PDFDocument): void {
  pdf.on('pageAdded', () => batchStream(internals(pdf).page.content));
}

function batchStream(stream: ContentStream): void {
  const write = stream.write.bind(stream);
  const end = stream.end.bind(stream);
  let parts: string[] = [];
  const flush = (): void => {
    if (parts.length === 0) return;
    write(bytes(parts));
    parts = [];
  };
  stream.write = (chunk) => {
    if (typeof chunk !== 'string') {
      flush();
      write(chunk);
      return;
    }
    parts.push(chunk);
    if (parts.length >= BATCH) flush();
  };
  stream.end = (chunk) => {
    if (chunk !== undefined) stream.write(chunk);
    flush();
    end();
  };
}

/** Binary strings (one byte per character, as pdfkit's fromBinaryString reads them) as bytes. */
const bytes = (parts: string[]): Buffer => Buffer.from(`${parts.join('\n')}\n`, 'latin1');

/**
 * The finished file, collected without pdfkit's stream: pdfkit makes a Uint8Array of every
 * line it writes (each object's header, dictionary and `endobj`, each xref entry) and pushes each
 * through a Readable. Here lines are kept as text and turned into bytes a batch at a time, with
 * pdfkit's byte offsets (for the xref) kept as it keeps them. The header, written by pdfkit's
 * constructor, still comes through the stream; call this before anything else is written and
 * read the bytes once the document has ended.
 */
export function collectOutput(pdf: PDFKit.PDFDocument): () => Buffer {
  const doc = internals(pdf);
  const streamed: Buffer[] = [];
  pdf.on('data', (c: Buffer) => streamed.push(c));
  const out: Uint8Array[] = [];
  let parts: string[] = [];
  const flush = (): void => {
    if (parts.length) out.push(bytes(parts));
    parts = [];
  };
  doc._write = (data) => {
    if (typeof data === 'string') {
      parts.push(data);
      doc._offset += data.length + 1;
      if (parts.length >= BATCH) flush();
      return;
    }
    flush();
    out.push(data);
    doc._offset += data.length;
  };
  return () => {
    flush();
    return Buffer.concat([...streamed, ...out]);
  };
}

/**
 * pdfkit's EmbeddedFont.layout, without its per-character array allocation and its per-word
 * `concat` (quadratic in the words of a line), and with each word's advance read once: pdfkit
 * reads `run.advanceWidth` on every use, and a run's advance is a getter that sums its glyphs.
 * Same words (split after each space or tab), same cached runs, same sums in the same order.
 * Call right after selecting a face; each pdfkit font is patched once.
 */
export function hotLayout(pdf: PDFKit.PDFDocument): void {
  const font = internals(pdf)._font;
  if (!font || font.__hotLayout || typeof font.layoutRun !== 'function') return;
  font.__hotLayout = true;
  const words = new Map<string, Run>();
  const word = (text: string): Run => {
    let run = words.get(text);
    if (!run) {
      const laid = font.layoutRun(text);
      run = { glyphs: laid.glyphs, positions: laid.positions, advanceWidth: laid.advanceWidth };
      words.set(text, run);
    }
    return run;
  };
  const layout = font.layout.bind(font);
  font.layout = (text, features, onlyWidth) => {
    if (features) return layout(text, features, onlyWidth);
    const glyphs: unknown[] = [];
    const positions: unknown[] = [];
    let advanceWidth = 0;
    let last = 0;
    let index = 0;
    while (index <= text.length) {
      const c = text.charCodeAt(index); // NaN past the end
      if ((index === text.length && last < index) || c === 32 || c === 9) {
        const run = word(text.slice(last, ++index));
        if (!onlyWidth) {
          for (const g of run.glyphs) glyphs.push(g);
          for (const p of run.positions) positions.push(p);
        }
        advanceWidth += run.advanceWidth;
        last = index;
      } else index++;
    }
    return onlyWidth ? { glyphs: null, positions: null, advanceWidth } : { glyphs, positions, advanceWidth };
  };
  // pdfkit's encode, with each glyph code's hex string made once rather than for every glyph drawn.
  const hex: string[] = [];
  font.encode = (text, features) => {
    const { glyphs, positions } = font.layout(text, features) as Run;
    const codes: string[] = [];
    for (const glyph of glyphs as Glyph[]) {
      const gid = font.subset.includeGlyph(glyph.id);
      codes.push((hex[gid] ??= `0000${gid.toString(16)}`.slice(-4)));
      if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
      if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
    }
    return [codes, positions];
  };
}

/**
 * One string at (x, y) in the current font, as `pdf.text(text, x, y, { lineBreak: false, baseline })`
 * draws it, through pdfkit's `_fragment` directly: `text()` measures the string twice more (for
 * wrapping and for its cursor), and the writer already knows the width and keeps its own cursor.
 */
export function drawString(pdf: PDFKit.PDFDocument, text: string, x: number, y: number, baseline: number, width: number): void {
  const fragment = internals(pdf)._fragment;
  if (typeof fragment !== 'function') {
    pdf.text(text, x, y, { lineBreak: false, baseline });
    return;
  }
  // textWidth and wordCount only size links and underlines, which the writer never draws.
  fragment.call(pdf, text, x, y, { baseline, textWidth: width, wordCount: 1 });
}
