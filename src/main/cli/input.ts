import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { MinnesError } from '../core/errors';
import type { CliIo } from './io';

const MAX_INPUT = 20 * 1024 * 1024;

/** Reads an input file with a clear one-line error instead of a Node stack trace. */
export function readInput(io: CliIo, file: string): Buffer {
  const path = resolve(io.cwd, file);
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new MinnesError('bad_input', `${file} är ingen fil.`);
    size = st.size;
  } catch (e) {
    if (e instanceof MinnesError) throw e;
    throw new MinnesError('bad_input', `Filen ${file} finns inte eller kan inte läsas.`);
  }
  if (size > MAX_INPUT) throw new MinnesError('bad_input', `Filen ${file} är för stor (högst 20 MB).`);
  return readFileSync(path);
}
