import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where Vite writes the files whose names carry a hash of their content (vite.config.ts). */
export const HASHED_ASSETS_DIR = 'assets';

/** A hashed file never changes under its name: a browser keeps it a year without asking again. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** index.html names the hashed files of the current build: a browser asks every time (a 304 is cheap). */
export const REVALIDATE_CACHE = 'no-cache';

/**
 * The built React app's files (decision 0025): the brotli or gzip copy made at build time when the
 * browser accepts it (Content-Encoding and Vary: Accept-Encoding), ETag and Last-Modified for 304s,
 * hashed assets cached for good and everything else revalidated.
 */
export async function registerWebAssets(app: FastifyInstance, webDir: string): Promise<void> {
  const hashedAssetsRoot = path.join(webDir, HASHED_ASSETS_DIR) + path.sep;
  await app.register(fastifyStatic, {
    root: webDir,
    // Files are looked up per request, so a rebuilt bundle is served without a restart.
    wildcard: true,
    preCompressed: true,
    // send's own header would be `public, max-age=0`; each file gets its own below.
    cacheControl: false,
    setHeaders(reply, filePath) {
      // `filePath` is the file sent: assets/index-abc.js.br for a brotli answer, still under assets/.
      reply.header('cache-control', filePath.startsWith(hashedAssetsRoot) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
    },
  });
}
