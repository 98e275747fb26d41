import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Three bundles: the Electron main process (with the engine's utilityProcess entry, imported through
// `?modulePath`), its preload, and the Studio page (src-renderer, also built for the browser by
// vite.studio.config.ts). Native modules stay external and are rebuilt for Electron by electron-builder.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: 'src-main/index.ts', external: ['better-sqlite3', 'mysql2', 'pino', 'electron'] },
    },
  },
  preload: {
    // A sandboxed preload cannot be an ES module: CommonJS, and nothing but `electron` required.
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: 'src-main/preload.ts', output: { format: 'cjs', entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: { outDir: 'out/renderer', minify: true, chunkSizeWarningLimit: 4096, rollupOptions: { input: 'src-renderer/index.html' } },
  },
});
