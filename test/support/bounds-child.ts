import { importFile } from '../../src/main/core/import';
import { deepMarkdown, manyPartsDocx, zipBombDocx, type DeepShape } from './hostile-inputs';

/**
 * Run in a child process by the limits tests, so its peak memory is its own: builds one hostile
 * input, imports it, and prints one JSON line with the outcome and the peak RSS in MB.
 * Usage: node bounds-child.cjs markdown <shape> <depth> | bomb <megabytes> [lie] | parts <count>
 */
async function main(): Promise<void> {
  const [kind = '', a = '', b = ''] = process.argv.slice(2);
  const input =
    kind === 'markdown'
      ? { data: Buffer.from(deepMarkdown(a as DeepShape, Number(b))), name: 'djup.md' }
      : kind === 'bomb'
        ? { data: zipBombDocx(Number(a), b === 'lie'), name: 'bomb.docx' }
        : { data: manyPartsDocx(Number(a)), name: 'delar.docx' };
  const inputBytes = input.data.length;
  const started = performance.now();
  let outcome: Record<string, unknown>;
  try {
    const r = await importFile(input.data, input.name);
    outcome = { ok: true, notices: r.notices, words: r.plainText.match(/ord\d+/g) ?? [], sections: r.sections };
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string };
    outcome = { ok: false, name: err.name, code: err.code, message: err.message };
  }
  const ms = Math.round(performance.now() - started);
  const rssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ ...outcome, inputBytes, ms, rssMB })}\n`);
}

void main();
