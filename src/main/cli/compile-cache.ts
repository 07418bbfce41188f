import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
import { Script, constants as vmConstants } from 'node:vm';

type Loader = (module: Module, filename: string) => void;
type ModuleInternals = {
  _extensions: Record<string, Loader>;
  wrap(source: string): string;
  enableCompileCache?: (dir: string) => unknown;
};

/**
 * Keeps V8's compiled code for the CLI's chunks between runs, so a command does not compile the
 * same JavaScript on every start. Node ≥ 22.1 does this itself (module.enableCompileCache); on
 * Node 20 the chunks (CommonJS, under `chunkDir`) are compiled through vm.Script with the
 * cachedData of the last run, which is written, after the command ran and so with every function
 * it needed compiled, only when there was none or it did not fit. Any failure only means compiling
 * as usual. NODE_DISABLE_COMPILE_CACHE=1 turns it off, as in Node.
 */
export function useCompileCache(chunkDir: string, cacheDir: string): void {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  const internals = Module as unknown as ModuleInternals;
  if (typeof internals.enableCompileCache === 'function') {
    internals.enableCompileCache(cacheDir);
    return;
  }
  const plain = internals._extensions['.cjs'] ?? internals._extensions['.js'];
  if (!plain) return;
  const stale: Array<{ script: Script; file: string; stamp: Buffer }> = [];
  const prefix = chunkDir + sep;
  internals._extensions['.cjs'] = function (module, filename) {
    if (!filename.startsWith(prefix)) return plain.call(this, module, filename);
    const file = join(cacheDir, `${basename(filename)}.v8`);
    const stamp = sourceStamp(filename);
    const source = readFileSync(filename, 'utf8');
    const cachedData = cacheFor(file, stamp);
    const script = new Script(internals.wrap(source), {
      filename,
      cachedData,
      // The chunks have no import() (the build turns it into require), but a stray one should work.
      ...(vmConstants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
    });
    if (cachedData === undefined || script.cachedDataRejected) stale.push({ script, file, stamp });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, Module.createRequire(filename), module, filename, dirname(filename));
  };
  process.once('exit', () => {
    for (const { script, file, stamp } of stale) {
      try {
        mkdirSync(cacheDir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, Buffer.concat([stamp, script.createCachedData()]));
        renameSync(tmp, file);
      } catch {
        // A read-only install: every run compiles, as without the cache.
      }
    }
  });
}

/**
 * V8 checks a cache against the source's length only, so each cache file starts with the mtime
 * and size of the chunk it was made from: a rebuilt chunk of the same name and length (another
 * esbuild, say) never runs old bytecode.
 */
function sourceStamp(filename: string): Buffer {
  const st = statSync(filename);
  const stamp = Buffer.alloc(STAMP_BYTES);
  stamp.writeDoubleLE(st.mtimeMs, 0);
  stamp.writeDoubleLE(st.size, 8);
  return stamp;
}

function cacheFor(file: string, stamp: Buffer): Buffer | undefined {
  try {
    const data = readFileSync(file);
    return data.length > STAMP_BYTES && data.subarray(0, STAMP_BYTES).equals(stamp) ? data.subarray(STAMP_BYTES) : undefined;
  } catch {
    return undefined;
  }
}

const STAMP_BYTES = 16;
