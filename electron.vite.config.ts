import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Three bundles: the Electron main process and its preload (src-main) and the Studio page
// (src-renderer). The engine (src-server) is bundled into main; native modules stay external.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: 'src-main/index.ts' },
      rollupOptions: { external: ['better-sqlite3', 'mysql2', 'pino'] },
    },
  },
  preload: {
    build: { outDir: 'out/preload', lib: { entry: 'src-main/preload.ts' } },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: { outDir: 'out/renderer', rollupOptions: { input: 'src-renderer/index.html' } },
  },
});
