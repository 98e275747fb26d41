import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The Studio for the browser (headless `serve` answers it at `/`): the same src-renderer as the
// Electron bundle (electron.vite.config.ts → out/renderer), built to dist/studio.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/studio', emptyOutDir: true, chunkSizeWarningLimit: 4096, reportCompressedSize: false },
});
