import { strFromU8, unzipSync } from 'fflate';
import type { Metadata } from '../../../shared/metadata';
import { MAX_DOCX_UNPACKED } from './docx-zip';

const MINISTRY = /(departementet|Regeringskansliet|Statsrådsberedningen)$/i;

/** The paragraphs of every page header in a .docx, as plain text lines. */
function headerLines(buffer: Buffer): string[] {
  let files: Record<string, Uint8Array>;
  try {
    // checkDocxZip has bounded what the parts really inflate to; the declared size is checked here too,
    // because fflate allocates it up front.
    let claimed = 0;
    files = unzipSync(buffer, {
      filter: (f) => /^word\/header\d*\.xml$/.test(f.name) && (claimed += f.originalSize) <= MAX_DOCX_UNPACKED,
    });
  } catch {
    return [];
  }
  const lines: string[] = [];
  for (const name of Object.keys(files).sort()) {
    const xml = strFromU8(files[name]!);
    for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
      const text = (p.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('');
      const clean = text
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .trim();
      if (clean) lines.push(clean);
    }
  }
  return lines;
}

/**
 * Minutes written in the ministry layout (as Minnes exports them) keep the ministry, the unit,
 * the date and the Dnr in the page header, where mammoth does not look: read them from there.
 */
export function readWordHeader(buffer: Buffer): Partial<Metadata> {
  const lines = headerLines(buffer);
  const out: Partial<Metadata> = {};
  const ministryAt = lines.findIndex((l) => MINISTRY.test(l));
  if (ministryAt >= 0) {
    out.department = lines[ministryAt];
    const unit = lines[ministryAt + 1];
    if (unit && !/^\d{4}-\d{2}-\d{2}$/.test(unit) && !/^Dnr\b/i.test(unit) && unit.length < 200) out.unit = unit;
  }
  for (const l of lines) {
    if (!out.date && /^\d{4}-\d{2}-\d{2}$/.test(l)) out.date = l;
    const dnr = /^Dnr\s+(.{3,40})$/i.exec(l);
    if (!out.dnr && dnr?.[1]) out.dnr = dnr[1].trim();
  }
  return out;
}
