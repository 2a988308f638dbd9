import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.STEERBOARD_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  // Vitest falls back to this file when there is no vitest.config.ts; rooting it in src/web
  // would then hide every test outside the web app, so the web root applies to Vite only.
  root: process.env.VITEST ? repoRoot : `${repoRoot}src/web`,
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    sourcemap: true,
    // React, Mantine and TanStack together weigh ~650 kB before gzip; one chunk is fine for an intranet app.
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
