import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { bundleBudget } from './build/bundle-budget.ts';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.STEERBOARD_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  // Vitest falls back to this file when there is no vitest.config.ts; rooting it in src/web
  // would then hide every test outside the web app, so the web root applies to Vite only.
  root: process.env.VITEST ? repoRoot : `${repoRoot}src/web`,
  plugins: [
    react(),
    // Brotli and gzip copies beside each file, made once here rather than on every request:
    // @fastify/static serves the one the browser accepts (decision 0025). Source maps stay plain.
    compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/\.map$/] }),
    // Brotli bytes, as served. Raise a figure only with a reason recorded in decision 0025.
    bundleBudget({ initialJsBytes: 175_000, totalJsBytes: 500_000 }),
  ],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    sourcemap: true,
    // The budget above is the limit that counts; this only quiets Vite's warning about the lazy ECharts chunk.
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
