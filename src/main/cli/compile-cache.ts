import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join } from 'node:path';
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
 * it needed compiled, only when there was none or V8 refused it (another V8, another source).
 * Any failure only means compiling as usual. NODE_DISABLE_COMPILE_CACHE=1 turns it off, as in Node.
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
  const stale: Array<{ script: Script; file: string }> = [];
  const prefix = chunkDir.endsWith('/') ? chunkDir : `${chunkDir}/`;
  internals._extensions['.cjs'] = function (module, filename) {
    if (!filename.startsWith(prefix)) return plain.call(this, module, filename);
    const file = join(cacheDir, `${basename(filename)}.v8`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    const script = new Script(internals.wrap(readFileSync(filename, 'utf8')), {
      filename,
      cachedData,
      // The chunks have no import() (the build turns it into require), but a stray one should work.
      ...(vmConstants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
    });
    if (cachedData === undefined || script.cachedDataRejected) stale.push({ script, file });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, Module.createRequire(filename), module, filename, dirname(filename));
  };
  process.once('exit', () => {
    for (const { script, file } of stale) {
      try {
        mkdirSync(cacheDir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, file);
      } catch {
        // A read-only install: every run compiles, as without the cache.
      }
    }
  });
}
