import type { SectionContent } from '../../../shared/content';
import type { Metadata } from '../../../shared/metadata';
import type { Template } from '../../../shared/template';
import { CONTENT_FORMAT, CONTENT_VERSION } from '../../../shared/content';
import { MAX_LIST_DEPTH, checkContentBounds, clampSections } from '../../../shared/limits';
import { findDateInText } from '../../../shared/swedish-format';
import type { MessageKey } from '../../../shared/i18n/catalogue';
import type { MessageParams, MessageText } from '../../../shared/i18n/format';
import { MinnesError, msg, userError } from '../errors';
import { boundsText } from '../store/stored-content';
import { parseFrontMatter, splitFrontMatter } from './front-matter';
import { textContent, type BlockNode } from './lexical-json';
import { markdownToBoundedBlocks } from './markdown-to-lexical';
import { readPlainLayout } from './plain-layout';
import { splitSections, type SplitResult } from './sections';

/**
 * Import: a Markdown/plain-text or Word file → metadata + sections of Lexical JSON, the same
 * shape the editor stores. Pure: bytes in, data out; the caller decides what to save.
 * Anything wrong with the file is a MinnesError with one line (a catalogue message), and nothing is returned.
 */

export type ImportResult = {
  /** Only what the file says; MetadataSchema (after any template defaults) fills the rest. */
  metadata: Partial<Metadata>;
  /** The template the front matter names (else the one passed in). */
  templateKey?: string;
  sections: SectionContent[];
  /** The sections' text as Lexical's getTextContent() gives it, blank line between sections. */
  plainText: string;
  /** What the user should know about the import (in Swedish, one sentence each); usually none. */
  notices: MessageText[];
};

const MAX_BYTES = 50 * 1024 * 1024;

const fail = (code: string, key: MessageKey, params?: MessageParams): never => {
  throw userError(code, key, params);
};

function checkSize(input: Buffer): void {
  if (input.length === 0) fail('empty_file', 'errors.import.empty');
  if (input.length > MAX_BYTES) fail('file_too_large', 'errors.import.tooLarge');
}

/** Control characters that never occur in text someone typed (tab, newlines and form feed do). */
function controlShare(bytes: Buffer): number {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  return control / sample.length;
}

/** Bytes → text, refusing what is not UTF-8 text: a wrong guess here would store garbled minutes. */
export function decodeText(input: Buffer): string {
  checkSize(input);
  if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
    fail('not_utf8', 'errors.import.utf16');
  }
  if (input.includes(0) || controlShare(input) > 0.05) {
    fail('binary_file', 'errors.import.binary');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return fail('not_utf8', 'errors.import.notUtf8');
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') fail('empty_file', 'errors.import.empty');
  return text;
}

/**
 * The limits every stored document keeps (shared/limits): lists past the deepest level flattened
 * with a notice, and content still too deep or too large refused here rather than by the store.
 */
function bounded(split: SplitResult, alreadyFlattened: boolean): SplitResult {
  const clamped = clampSections(split.sections);
  const sections = clamped.sections;
  const flattened = alreadyFlattened || clamped.flattened;
  const check = checkContentBounds({ format: CONTENT_FORMAT, version: CONTENT_VERSION, sections });
  if (!check.ok) throw new MinnesError(check.error.code, boundsText(check.error));
  return {
    sections,
    notices: flattened ? [...split.notices, msg('errors.notice.flattened', { depth: String(MAX_LIST_DEPTH) })] : split.notices,
  };
}

function result(metadata: Partial<Metadata>, split: SplitResult, templateKey: string | undefined): ImportResult {
  const { sections, notices } = split;
  const plainText = sections
    .map((s) => textContent(s.state.root).trim())
    .filter((t) => t !== '')
    .join('\n\n');
  return templateKey ? { metadata, templateKey, sections, plainText, notices } : { metadata, sections, plainText, notices };
}

/**
 * A Markdown or plain-text file. Front matter, when present, gives the metadata; otherwise the
 * reference layout (ministry, unit, title) is read from the first lines.
 * Sections follow `template` when given. When the front matter names a template the caller has not
 * passed, `templateKey` says which: load it and import again to get that template's sections.
 */
export function importText(input: Buffer, fileName: string, template?: Template): ImportResult {
  if (/\.doc$/i.test(fileName)) fail('unsupported_file', 'errors.import.oldWord');
  const text = decodeText(input);
  const split = splitFrontMatter(text);
  let metadata: Partial<Metadata>;
  let body: string;
  let templateKey = template?.key;
  if (split) {
    const fm = parseFrontMatter(split.yaml);
    metadata = fm.metadata;
    templateKey = fm.templateKey ?? templateKey;
    body = split.body;
  } else {
    ({ metadata, body } = readPlainLayout(text));
  }
  const parsed = markdownToBoundedBlocks(body);
  const titled = leadingTitle(parsed.blocks, metadata);
  return result(titled.metadata, bounded(splitSections(titled.blocks, template), parsed.flattened), templateKey);
}

/**
 * Markdown minutes often open with their title as a `#` heading. Without a title from the front
 * matter or the ministry layout, that heading is the title (and its date the meeting date),
 * not body text.
 */
function leadingTitle(blocks: BlockNode[], metadata: Partial<Metadata>): { blocks: BlockNode[]; metadata: Partial<Metadata> } {
  const first = blocks[0];
  if (metadata.title || !first || first.type !== 'heading' || (first as { tag?: string }).tag !== 'h1') return { blocks, metadata };
  const title = textContent(first).replace(/\s+/g, ' ').trim();
  if (!title || title.length > 500) return { blocks, metadata };
  const date = metadata.date ?? findDateInText(title) ?? undefined;
  return { blocks: blocks.slice(1), metadata: { ...metadata, title, ...(date ? { date } : {}) } };
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function isDocx(input: Buffer, fileName: string): boolean {
  return /\.docx$/i.test(fileName) || input.subarray(0, 4).equals(ZIP_MAGIC);
}

/**
 * Any importable file: Word (.docx, by extension or its zip signature) or text.
 * In Word, section headings are usually "Rubrik 1", so level 1 and 2 headings both start sections.
 */
export async function importFile(input: Buffer, fileName: string, template?: Template): Promise<ImportResult> {
  try {
    return await importAny(input, fileName, template);
  } catch (e) {
    // The limits above keep every path we know of shallow; a stack overflow here is nesting they missed.
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      fail('too_deep', 'errors.import.tooDeep');
    }
    throw e;
  }
}

async function importAny(input: Buffer, fileName: string, template?: Template): Promise<ImportResult> {
  if (!isDocx(input, fileName)) return importText(input, fileName, template);
  checkSize(input);
  if (!input.subarray(0, 4).equals(ZIP_MAGIC)) {
    fail('invalid_docx', 'errors.import.invalidDocx');
  }
  // mammoth and linkedom load only when a Word file is imported: they are a large part of start-up.
  const { docxToBlocks } = await import('./docx-import');
  const { metadata, blocks } = await docxToBlocks(input);
  if (blocks.length === 0 && Object.keys(metadata).length === 0) fail('empty_file', 'errors.import.empty');
  return result(metadata, bounded(splitSections(blocks, template, ['h1', 'h2']), false), template?.key);
}
