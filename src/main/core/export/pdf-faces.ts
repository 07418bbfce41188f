import { isUnshaped, loadFace, type FaceId } from './fonts';
import { distinctCids } from './pdf-cids';
import { hotLayout } from './pdf-hot-paths';

/**
 * The faces one PDF uses: registered with pdfkit on first use (so a document embeds only the ones
 * it draws), selected only when the face or size changes, and strings measured once per face and
 * size. A long document measures the same few thousand words hundreds of times each.
 */
export class PdfFaces {
  private readonly registered = new Set<FaceId>();
  /** Widths by face, then size, then text; `sized` is the map for the face and size asked last. */
  private readonly widths = new Map<FaceId, Map<number, Map<string, number>>>();
  private sized: { face: FaceId; size: number; map: Map<string, number> } | null = null;
  /** What pdfkit has selected: selecting it again costs a font lookup and a size conversion. */
  private current: { face: FaceId; size: number } | null = null;

  constructor(private readonly pdf: PDFKit.PDFDocument) {}

  use(face: FaceId, size: number): void {
    if (this.current?.face === face && this.current.size === size) return;
    const fresh = !this.registered.has(face);
    if (fresh) {
      this.pdf.registerFont(face, loadFace(face) as unknown as string);
      this.registered.add(face);
    }
    this.pdf.font(face).fontSize(size);
    this.current = { face, size };
    if (!fresh) return;
    // In an unshaped face a character is always the same glyph and a glyph never stands for
    // different characters, so only shaped faces need distinct CIDs.
    const unshaped = isUnshaped(face);
    hotLayout(this.pdf, unshaped);
    if (!unshaped) distinctCids(this.pdf);
  }

  private widthsFor(face: FaceId, size: number): Map<string, number> {
    if (this.sized?.face === face && this.sized.size === size) return this.sized.map;
    let bySize = this.widths.get(face);
    if (!bySize) this.widths.set(face, (bySize = new Map()));
    let map = bySize.get(size);
    if (!map) bySize.set(size, (map = new Map()));
    this.sized = { face, size, map };
    return map;
  }

  /** The width of `text` in `face` at `size`, as pdfkit measures it. */
  width(text: string, face: FaceId, size: number): number {
    const map = this.widthsFor(face, size);
    let w = map.get(text);
    if (w === undefined) {
      this.use(face, size);
      w = this.pdf.widthOfString(text);
      map.set(text, w);
    }
    return w;
  }
}
