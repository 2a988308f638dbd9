import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { budgetOverruns, bundleBudget, type BuiltChunk, measureBundle, type BundleBudget } from './bundle-budget.ts';

const chunk = (fileName: string, code: string, imports: string[] = [], isEntry = false): BuiltChunk => ({
  fileName,
  code,
  imports,
  isEntry,
});
const byLength = (code: string) => code.length;

describe('measureBundle', () => {
  it('counts the entry and what it imports statically, transitively, as initial; every chunk in the total', () => {
    const chunks = [
      chunk('index.js', 'a'.repeat(100), ['react.js'], true),
      chunk('react.js', 'b'.repeat(50), ['scheduler.js']),
      chunk('scheduler.js', 'c'.repeat(10)),
      // A lazy route: imported dynamically only, so not part of the first visit.
      chunk('dashboard-page.js', 'd'.repeat(1000), ['react.js']),
    ];
    const sizes = measureBundle(chunks, byLength);
    expect(sizes.initialJsBytes).toBe(160);
    expect(sizes.totalJsBytes).toBe(1160);
    expect(sizes.initialFiles.sort()).toEqual(['index.js', 'react.js', 'scheduler.js']);
  });

  it('measures brotli bytes by default, as browsers receive them', () => {
    const sizes = measureBundle([chunk('index.js', 'x'.repeat(10_000), [], true)]);
    expect(sizes.initialJsBytes).toBeGreaterThan(0);
    expect(sizes.initialJsBytes).toBeLessThan(100);
  });
});

describe('budgetOverruns', () => {
  const budget: BundleBudget = { initialJsBytes: 1000, totalJsBytes: 5000 };
  it('is empty within the budget, the limits included', () => {
    expect(budgetOverruns({ initialJsBytes: 1000, totalJsBytes: 5000, initialFiles: [] }, budget)).toEqual([]);
  });
  it('names each figure past its budget', () => {
    const overruns = budgetOverruns({ initialJsBytes: 1001, totalJsBytes: 5001, initialFiles: ['index.js'] }, budget);
    expect(overruns).toEqual([
      'initial JavaScript 1.0 kB > budget 1.0 kB (index.js)',
      'total JavaScript 5.0 kB > budget 5.0 kB',
    ]);
  });
});

/** A real Vite build of a two-page app: the plugin fails it past the budget and lets it through within. */
describe('the bundle budget in a Vite build', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'steerboard-budget-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
  // Text that does not compress to nothing, so that the sizes are well above a few bytes.
  const words = Array.from({ length: 3000 }, (_, i) => `w${(i * 7919) % 10007}`).join(' ');
  fs.writeFileSync(path.join(root, 'main.js'), `document.title = ${JSON.stringify(words)}; import('./lazy.js');`);
  fs.writeFileSync(
    path.join(root, 'lazy.js'),
    `export const text = ${JSON.stringify(words.split(' ').reverse().join(','))};`,
  );
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const buildWith = (budget: BundleBudget) =>
    build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [bundleBudget(budget)],
      build: { outDir: path.join(root, 'dist'), emptyOutDir: true },
    });

  it('fails when the initial JavaScript is past its budget', async () => {
    await expect(buildWith({ initialJsBytes: 1000, totalJsBytes: 1_000_000 })).rejects.toThrow(
      /over its size budget[\s\S]*initial JavaScript/,
    );
  });

  it('fails when the total JavaScript is past its budget, lazy chunks included', async () => {
    const error = await buildWith({ initialJsBytes: 1_000_000, totalJsBytes: 1000 }).catch((caught: Error) => caught);
    expect(String(error)).toMatch(/total JavaScript/);
    expect(String(error)).not.toMatch(/initial JavaScript/);
  });

  it('passes within the budget', async () => {
    await expect(buildWith({ initialJsBytes: 1_000_000, totalJsBytes: 1_000_000 })).resolves.toBeDefined();
  });
});
