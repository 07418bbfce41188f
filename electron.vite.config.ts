import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * A build is always a production bundle, whatever NODE_ENV the shell or a .env file holds: React and
 * Lexical pick their production files by the `production` condition and process.env.NODE_ENV, and
 * their development builds are several times larger and slower. `electron-vite dev` keeps them.
 */
const productionLibraries: Plugin = {
  name: 'minnes:production-libraries',
  apply: 'build',
  config: () => ({
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: { conditions: ['module', 'browser', 'production'] },
  }),
};

// Main and preload run in Node/Electron; only the renderer is a web bundle.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The job worker is its own entry: main starts it as a worker_thread from out/main/job-worker.js.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/app/index.ts'),
          'job-worker': resolve(__dirname, 'src/main/core/jobs/worker-main.ts'),
        },
      },
    },
  },
  preload: {
    // Sandboxed preloads cannot require() our own modules: bundle everything into one CJS file.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    plugins: [react(), productionLibraries],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; the app's start waits on parsing every byte of it.
      minify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
        // Named chunks for the libraries, so the bench's file list reads plainly; views are split by
        // their import() in src/renderer/src/lazy-views.tsx.
        output: {
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
              { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
              { name: 'lexical', test: /node_modules[\\/](lexical|@lexical[\\/][^\\/]+|@preact[\\/]signals-core)[\\/]/ },
            ],
          },
        },
      },
    },
  },
});
