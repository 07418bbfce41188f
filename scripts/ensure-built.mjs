// Makes sure the renderer and the Node bundles exist and are newer than their sources.
import { spawnSync } from 'node:child_process';
import { isStale, ensureNodeBuild } from './build-node.mjs';

if (isStale(['out/renderer/index.html', 'out/main/index.js', 'out/preload/index.cjs'], ['src', 'resources'])) {
  process.stderr.write('minnes: building the app (electron-vite build)…\n');
  const r = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await ensureNodeBuild();
