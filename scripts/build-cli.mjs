// The command line tool, built for a cheap start: out/node/cli.cjs is a small dispatcher, and each
// command, and each heavy piece a command reaches through `await import()` (the DOCX writer, the
// PDF writer, the Word importer …), is its own chunk in out/node/cli/, loaded only when used.
//
// esbuild splits only ESM, but Node 20 can keep a V8 code cache only for CommonJS (vm.Script
// cachedData; src/main/cli/compile-cache.ts), so the split ESM chunks are turned into CommonJS one by
// one afterwards, with `import()` as `require`, and keep their file names.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';

export const CLI_ENTRY = 'src/main/cli.ts';
export const CLI_METAFILE = 'out/node/cli-meta.json';

// Kept out of the bundles: better-sqlite3 is native, and the font packages are resolved to their
// TTF files at run time. Everything else is bundled: one file read instead of dozens, tree shaking,
// a code cache, and a single compile of ESM-only packages like Lexical.
export const CLI_EXTERNAL = ['better-sqlite3', '@expo-google-fonts/*'];

// Chunks that a build no longer writes are removed only once this old, so a `minnes` that started
// just before a rebuild can still load the chunks it names.
const KEEP_OLD_CHUNKS_MS = 10 * 60 * 1000;

function sourceFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(entry.name)) out.push(p);
  }
  return out;
}

/**
 * Zod's `locales` namespace pulls in every language (≈370 kB) and defeats tree shaking; only the
 * locales the code names (`z.locales.sv`) and English, Zod's default, are kept.
 */
function zodLocales(root) {
  const used = new Set(['en']);
  for (const dir of ['src/main', 'src/shared']) {
    for (const file of sourceFiles(join(root, dir))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\blocales\.([A-Za-z]+)\s*\(/g)) used.add(m[1]);
    }
  }
  return {
    name: 'zod-used-locales',
    setup(build) {
      build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
        if (!args.importer.includes(`${sep}zod${sep}v4${sep}`)) return undefined;
        return { path: join(dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'zod-locales' };
      });
      build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
        contents: [...used].map((l) => `export { default as ${l} } from './${l}.js';`).join('\n'),
        resolveDir: dirname(args.path),
        loader: 'js',
      }));
    },
  };
}

/**
 * pdfkit finds its data (the sRGB profile for PDF/A, the standard fonts through its package
 * `imports`) from import.meta.url, which in a bundle would be the chunk. It is pointed at the
 * installed package instead, so the code is bundled (and cached) and the data files stay put.
 */
const pdfkitData = {
  name: 'pdfkit-data-files',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url'))
        throw new Error(`${args.path} no longer uses import.meta.url: check how pdfkit finds its data`);
      const installed = "require('node:url').pathToFileURL(require.resolve('pdfkit')).href";
      return { contents: source.replaceAll('import.meta.url', installed), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/** Leaves a file that already says this alone, so its mtime, and the compile cache made for it, stay valid. */
function writeAtomic(file, text) {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

function removeOldChunks(dir, keep) {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (keep.has(p) || !/\.cjs(\.map)?$/.test(name)) continue;
    if (now - statSync(p).mtimeMs > KEEP_OLD_CHUNKS_MS) rmSync(p, { force: true });
  }
  // The compile cache of a chunk that is gone: on Node 20 src/main/cli/compile-cache.ts names it
  // <chunk>.v8; the folders in there are Node's own cache (Node ≥ 22.1), which Node looks after.
  const cache = join(dir, 'cache');
  for (const name of existsSync(cache) ? readdirSync(cache) : []) {
    const chunk = name.match(/^(.+\.cjs)\.v8(\.\d+\.tmp)?$/)?.[1];
    if (chunk && !existsSync(join(dir, chunk))) rmSync(join(cache, name), { force: true });
  }
}

/** Builds the CLI; returns the files it read and wrote, relative to root, for the build stamp. */
export async function buildCli(esbuild, root) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { cli: CLI_ENTRY },
    outdir: 'out/node',
    entryNames: '[name]',
    chunkNames: 'cli/[name]-[hash]',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: CLI_EXTERNAL,
    // Lexical ships a dev and a prod build and picks one at run time from NODE_ENV; the condition
    // resolves straight to the prod file and the define drops the other branch everywhere.
    conditions: ['production', 'module'],
    define: { 'process.env.NODE_ENV': '"production"' },
    mainFields: ['module', 'main'],
    plugins: [zodLocales(root), pdfkitData],
    sourcemap: 'inline',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const written = [];
  mkdirSync(join(root, 'out/node/cli'), { recursive: true });
  // The dispatcher last: until it is replaced, a running `minnes` still names the old chunks.
  const files = [...result.outputFiles].sort((a, b) => Number(basename(a.path) === 'cli.cjs') - Number(basename(b.path) === 'cli.cjs'));
  for (const file of files) {
    const cjs = await esbuild.transform(file.text, {
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      supported: { 'dynamic-import': false },
      sourcemap: 'external',
      sourcefile: basename(file.path),
      // The bundling step above has already warned about the sources; here only dependencies' quirks would show.
      logLevel: 'error',
    });
    writeAtomic(`${file.path}.map`, cjs.map);
    writeAtomic(file.path, `${cjs.code}//# sourceMappingURL=${basename(file.path)}.map\n`);
    written.push(file.path, `${file.path}.map`);
  }
  removeOldChunks(join(root, 'out/node/cli'), new Set(written));
  writeAtomic(join(root, CLI_METAFILE), JSON.stringify(result.metafile));
  written.push(join(root, CLI_METAFILE));
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/') && !p.includes(':'));
  return { inputs, outputs: written.map((p) => relative(root, p).replaceAll('\\', '/')) };
}
