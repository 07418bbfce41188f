import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

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
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
