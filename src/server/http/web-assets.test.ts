import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { loadConfig } from '../env.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { IMMUTABLE_CACHE, REVALIDATE_CACHE } from './web-assets.ts';

/**
 * The built web app as the server delivers it (decision 0025), on a small build of its own: the
 * files and their brotli and gzip copies as vite-plugin-compression2 writes them. Serving files
 * involves no SQL, so PGlite alone.
 */
describe('the web app delivered', () => {
  const indexHtml =
    '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head></html>';
  const script = `export const messages = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `message ${i}`))};\n`;
  let webDir: string;
  let database: DatabaseHandle;
  let app: FastifyInstance;

  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steerboard-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    const write = (name: string, content: string) => {
      fs.writeFileSync(path.join(webDir, name), content);
      fs.writeFileSync(path.join(webDir, `${name}.br`), brotliCompressSync(content));
      fs.writeFileSync(path.join(webDir, `${name}.gz`), gzipSync(content));
    };
    write('index.html', indexHtml);
    write('assets/index-Ab12Cd34.js', script);
    database = await openTestDatabase('pglite');
    app = await buildApp(database, { ...loadConfig({ LOG_LEVEL: 'silent' }), webDir });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('sends the brotli copy to a browser that accepts it, the gzip one to a client that accepts only gzip', async () => {
    const brotli = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(brotli.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);
    expect(brotli.rawPayload.length).toBeLessThan(script.length / 3);

    const gzip = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);
  });

  it('sends the file itself to a client that accepts no compression', async () => {
    const plain = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'identity' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('lets browsers keep hashed assets for a year, whatever the encoding', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const response = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': encoding });
      expect(response.headers['cache-control'], encoding).toBe(IMMUTABLE_CACHE);
    }
  });

  it('answers a repeated request with 304 when the ETag still matches, per encoding', async () => {
    for (const encoding of ['br', 'identity']) {
      const first = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': encoding });
      const etag = first.headers.etag;
      expect(etag, encoding).toBeTruthy();
      const again = await get('/assets/index-Ab12Cd34.js', {
        'accept-encoding': encoding,
        'if-none-match': String(etag),
      });
      expect(again.statusCode, encoding).toBe(304);
      expect(again.rawPayload.length).toBe(0);
    }
    // The brotli copy and the plain file are different bytes: they never share a validator.
    const brotli = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'br' });
    const plain = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'identity' });
    expect(brotli.headers.etag).not.toBe(plain.headers.etag);
  });

  it('makes browsers check index.html every time, at / and on a deep link alike, and answers 304 when unchanged', async () => {
    for (const url of ['/', '/index.html', '/tasks/2f1c0f5e-2a7a-4c1e-9d39-0c1f4f1b6a11?as_of=2025-09-30']) {
      const response = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['cache-control'], url).toBe(REVALIDATE_CACHE);
      expect(brotliDecompressSync(response.rawPayload).toString(), url).toBe(indexHtml);
      const again = await get(url, { 'accept-encoding': 'br, gzip', 'if-none-match': String(response.headers.etag) });
      expect(again.statusCode, url).toBe(304);
    }
  });

  it('answers 404 for a hashed file that is not there (an older build), not index.html', async () => {
    const response = await get('/assets/index-Gone0000.js', { 'accept-encoding': 'br' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
