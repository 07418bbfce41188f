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

/** Bytes per chunk a sink hands on: a page's content is a few of them rather than thousands of arrays. */
const CHUNK = 16 * 1024;

/**
 * Lines of a binary string (one byte per character, as pdfkit's fromBinaryString reads them),
 * each followed by the newline pdfkit adds, written into chunks of CHUNK bytes; bytes already made
 * pass through in order.
 */
class ByteSink {
  private buf: Buffer | null = null;
  private at = 0;

  constructor(private readonly emit: (bytes: Uint8Array) => void) {}

  line(text: string): void {
    if (this.buf && this.at + text.length + 1 > this.buf.length) this.flush();
    if (text.length + 1 > CHUNK) {
      this.emit(Buffer.from(`${text}\n`, 'latin1'));
      return;
    }
    const buf = (this.buf ??= Buffer.allocUnsafe(CHUNK));
    // Most operators are a few dozen characters: copied here, they skip Buffer#write's per-call checks.
    if (text.length < 64) for (let i = 0; i < text.length; i++) buf[this.at++] = text.charCodeAt(i);
    else this.at += buf.write(text, this.at, 'latin1');
    buf[this.at++] = 10;
  }

  bytes(bytes: Uint8Array): void {
    this.flush();
    this.emit(bytes);
  }

  flush(): void {
    if (this.buf && this.at > 0) this.emit(this.buf.subarray(0, this.at));
    this.buf = null;
    this.at = 0;
  }
}

/**
 * pdfkit turns every content operator (BT, Tm, Tf, TJ, ET, q, cm, Q, BDC, EMC …) into a Uint8Array
 * of its own, and with buffered pages keeps all of them until the end: a 1,000-page document held
 * millions of tiny arrays, and the garbage collector walked them again and again. Here a page's
 * operators are written into a few chunks with the newline pdfkit puts after each, so the
 * stream's bytes (and its /Length) are unchanged.
 */
export function batchPageContent(pdf: PDFKit.PDFDocument): void {
  pdf.on('pageAdded', () => {
    const stream = internals(pdf).page.content;
    const write = stream.write.bind(stream);
    const end = stream.end.bind(stream);
    const sink = new ByteSink(write);
    stream.write = (chunk) => (typeof chunk === 'string' ? sink.line(chunk) : sink.bytes(chunk));
    stream.end = (chunk) => {
      if (chunk !== undefined) stream.write(chunk);
      sink.flush();
      end();
    };
  });
}

/**
 * The finished file, collected without pdfkit's stream: pdfkit makes a Uint8Array of every
 * line it writes (each object's header, dictionary and `endobj`, each xref entry) and pushes each
 * through a Readable. Here lines go into a sink, with pdfkit's byte offsets (for the xref) kept as
 * it keeps them. The header, written by pdfkit's constructor, still comes through the stream;
 * call this before anything else is written and read the bytes once the document has ended.
 */
export function collectOutput(pdf: PDFKit.PDFDocument): () => Buffer {
  const doc = internals(pdf);
  const streamed: Buffer[] = [];
  pdf.on('data', (c: Buffer) => streamed.push(c));
  const out: Uint8Array[] = [];
  const sink = new ByteSink((bytes) => out.push(bytes));
  doc._write = (data) => {
    if (typeof data === 'string') {
      sink.line(data);
      doc._offset += data.length + 1;
    } else {
      sink.bytes(data);
      doc._offset += data.length;
    }
  };
  return () => {
    sink.flush();
    return Buffer.concat([...streamed, ...out]);
  };
}

/** A word as pdfkit lays it out, with its advance read once and, once drawn, its glyph codes. */
type Word = Run & { codes?: string[] };

/**
 * pdfkit's EmbeddedFont.layout and encode, without layout's per-character array allocation and
 * per-word `concat` (quadratic in the words of a line), with each word's advance read once (a
 * run's advance is a getter that sums its glyphs, and pdfkit reads it on every use), and with each
 * word's glyph codes worked out the first time it is drawn rather than every time. Same words
 * (split after each space or tab), same runs, same sums in the same order, glyphs added to the
 * subset in the same order. Call right after selecting a face; each pdfkit font is patched once.
 *
 * An `unshaped` face (fonts.ts lays it out glyph by glyph from its character map) draws each
 * character with the same glyph wherever it stands, so it is encoded character by character from a
 * table instead of word by word: no word is cut out of the string and looked up by its text.
 */
export function hotLayout(pdf: PDFKit.PDFDocument, unshaped: boolean): void {
  const font = internals(pdf)._font;
  if (!font || font.__hotLayout || typeof font.layoutRun !== 'function') return;
  font.__hotLayout = true;
  const words = new Map<string, Word>();
  const word = (text: string): Word => {
    let run = words.get(text);
    if (!run) {
      const laid = font.layoutRun(text);
      run = { glyphs: laid.glyphs, positions: laid.positions, advanceWidth: laid.advanceWidth };
      words.set(text, run);
    }
    return run;
  };
  const eachWord = (text: string, visit: (w: Word) => void): void => {
    let last = 0;
    let index = 0;
    while (index <= text.length) {
      const c = text.charCodeAt(index); // NaN past the end
      if ((index === text.length && last < index) || c === 32 || c === 9) {
        visit(word(text.slice(last, ++index)));
        last = index;
      } else index++;
    }
  };
  const layout = font.layout.bind(font);
  font.layout = (text, features, onlyWidth) => {
    if (features) return layout(text, features, onlyWidth);
    let advanceWidth = 0;
    if (onlyWidth) {
      eachWord(text, (w) => (advanceWidth += w.advanceWidth));
      return { glyphs: null, positions: null, advanceWidth };
    }
    const glyphs: unknown[] = [];
    const positions: unknown[] = [];
    eachWord(text, (w) => {
      for (const g of w.glyphs) glyphs.push(g);
      for (const p of w.positions) positions.push(p);
      advanceWidth += w.advanceWidth;
    });
    return { glyphs, positions, advanceWidth };
  };
  const hex: string[] = [];
  const codesOf = (glyphs: unknown[]): string[] =>
    (glyphs as Glyph[]).map((glyph) => {
      const gid = font.subset.includeGlyph(glyph.id);
      if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
      if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
      return (hex[gid] ??= `0000${gid.toString(16)}`.slice(-4));
    });
  const characters = new CharacterCodes((text) => {
    const run = font.layoutRun(text);
    return { codes: codesOf(run.glyphs), positions: run.positions };
  });
  font.encode = (text, features) => {
    if (features) {
      const { glyphs, positions } = font.layout(text, features) as Run;
      return [codesOf(glyphs), positions];
    }
    if (unshaped) return characters.encode(text);
    const codes: string[] = [];
    const positions: unknown[] = [];
    eachWord(text, (w) => {
      for (const c of (w.codes ??= codesOf(w.glyphs))) codes.push(c);
      for (const p of w.positions) positions.push(p);
    });
    return [codes, positions];
  };
}

type Character = { codes: string[]; positions: unknown[] };

/** An unshaped face's glyph codes and positions for each character, worked out on its first use. */
class CharacterCodes {
  // Latin, Greek and Cyrillic in a table; punctuation, symbols and the rest in a map.
  private readonly low: (Character | null)[] = Array.from({ length: 0x800 }, () => null);
  private readonly high = new Map<number, Character>();

  constructor(private readonly make: (character: string) => Character) {}

  encode(text: string): [string[], unknown[]] {
    const codes: string[] = [];
    const positions: unknown[] = [];
    for (let i = 0; i < text.length;) {
      const cp = text.codePointAt(i) ?? 0;
      const n = cp > 0xffff ? 2 : 1; // a lone surrogate is one character, as fonts.ts reads it
      let c = cp < 0x800 ? this.low[cp] : this.high.get(cp);
      if (!c) {
        c = this.make(text.slice(i, i + n));
        if (cp < 0x800) this.low[cp] = c;
        else this.high.set(cp, c);
      }
      for (const code of c.codes) codes.push(code);
      for (const p of c.positions) positions.push(p);
      i += n;
    }
    return [codes, positions];
  }
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
