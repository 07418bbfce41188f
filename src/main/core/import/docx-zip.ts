import { createInflateRaw } from 'node:zlib';
import type { MessageKey } from '../../../shared/i18n/catalogue';
import type { MessageParams } from '../../../shared/i18n/format';
import { userError } from '../errors';

/**
 * Limits on what a .docx unpacks to, checked before mammoth (jszip) or the header reader (fflate)
 * unzip it, since neither bounds what they inflate: a 310 KB file that inflates to 300 MB took
 * 3 GB. This reads the zip the way they do (central directory, then each entry's local header),
 * refuses sizes the directory claims past the limits, and then inflates every entry as a stream,
 * counting, so a directory that lies is caught within one chunk of the limit. Nothing inflated is
 * kept, and the stream yields to the event loop between chunks.
 */
export const MAX_DOCX_UNPACKED = 50 * 1024 * 1024;
export const MAX_DOCX_ENTRIES = 2000;
/** zlib's output chunk: memory stays near this, however much a part claims or holds. */
const CHUNK = 64 * 1024;

const BOMB = 'errors.import.docxTooLarge';
const CORRUPT = 'errors.import.invalidDocx';

const fail = (code: string, key: MessageKey, params?: MessageParams): never => {
  throw userError(code, key, params);
};

type Entry = { name: string; method: number; compressed: number; size: number; offset: number };

function endOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535; search backwards as jszip does.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) return i;
  }
  return fail('invalid_docx', CORRUPT);
}

function centralDirectory(zip: Buffer): Entry[] {
  const eocd = endOfCentralDirectory(zip);
  const count = zip.readUInt16LE(eocd + 10);
  const offset = zip.readUInt32LE(eocd + 16);
  // 0xffff entries or 0xffffffff offsets mean Zip64: more than any Word minutes need.
  if (count > MAX_DOCX_ENTRIES) fail('docx_too_many_parts', 'errors.import.docxTooManyParts', { max: String(MAX_DOCX_ENTRIES) });
  if (offset === 0xffffffff) fail('docx_too_large', BOMB);
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) fail('invalid_docx', CORRUPT);
    const nameLength = zip.readUInt16LE(at + 28);
    const entry: Entry = {
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
    };
    entries.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Inflates one entry as a stream and returns how many bytes it gave, stopping once past `budget`. */
function inflatedSize(zip: Buffer, e: Entry, budget: number): Promise<number> {
  if (e.offset + 30 > zip.length || zip.readUInt32LE(e.offset) !== 0x04034b50) fail('invalid_docx', CORRUPT);
  const start = e.offset + 30 + zip.readUInt16LE(e.offset + 26) + zip.readUInt16LE(e.offset + 28);
  const data = zip.subarray(start, start + e.compressed);
  if (e.method === 0) return Promise.resolve(data.length);
  if (e.method !== 8) fail('invalid_docx', CORRUPT);
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    let size = 0;
    let done = false;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (done || size <= budget) return;
      done = true;
      inflate.destroy();
      resolve(size);
    });
    inflate.on('end', () => resolve(size));
    inflate.on('error', () => reject(userError('invalid_docx', CORRUPT)));
    inflate.end(data);
  });
}

/**
 * Refuses a .docx that would unpack to more than MAX_DOCX_UNPACKED in total or in one part, or that
 * has more than MAX_DOCX_ENTRIES parts, with a message that says so. Memory stays bounded by one chunk.
 */
export async function checkDocxZip(zip: Buffer): Promise<void> {
  const entries = centralDirectory(zip);
  let claimed = 0;
  for (const e of entries) {
    claimed += e.size;
    if (e.size > MAX_DOCX_UNPACKED || claimed > MAX_DOCX_UNPACKED || e.size === 0xffffffff) fail('docx_too_large', BOMB);
  }
  let total = 0;
  for (const e of entries) {
    total += await inflatedSize(zip, e, MAX_DOCX_UNPACKED - total);
    if (total > MAX_DOCX_UNPACKED) fail('docx_too_large', BOMB);
  }
}
