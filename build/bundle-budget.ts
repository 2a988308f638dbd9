/**
 * The web app's size budget, checked by every `vite build` (decision 0025): the build fails when
 * the JavaScript a first visit downloads, or the whole app's JavaScript, grows past its budget.
 * Sizes are brotli-compressed bytes, as browsers receive them from the server.
 */
import { brotliCompressSync, constants } from 'node:zlib';
import type { Plugin } from 'vite';

export interface BundleBudget {
  /** The entry chunk and every chunk it imports statically: what the sign-in page needs before it paints. */
  initialJsBytes: number;
  /** Every JavaScript chunk of the app, lazy routes included. */
  totalJsBytes: number;
}

/** The part of a Rollup/Rolldown output chunk the budget reads. */
export interface BuiltChunk {
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
}

export interface BundleSizes {
  initialJsBytes: number;
  totalJsBytes: number;
  /** The initial chunks, by file name, for the report. */
  initialFiles: string[];
}

export const compressedSize = (code: string): number =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Sizes of the initial load (entries and their static imports, transitively) and of all chunks. */
export function measureBundle(chunks: BuiltChunk[], sizeOf: (code: string) => number = compressedSize): BundleSizes {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set<string>();
  const visit = (fileName: string) => {
    if (initial.has(fileName) || !byName.has(fileName)) return;
    initial.add(fileName);
    for (const imported of byName.get(fileName)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  const sizes = new Map(chunks.map((chunk) => [chunk.fileName, sizeOf(chunk.code)]));
  const sum = (names: Iterable<string>) => [...names].reduce((total, name) => total + (sizes.get(name) ?? 0), 0);
  return { initialJsBytes: sum(initial), totalJsBytes: sum(sizes.keys()), initialFiles: [...initial] };
}

/** One line per figure past its budget; none when the bundle fits. */
export function budgetOverruns(sizes: BundleSizes, budget: BundleBudget): string[] {
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const overruns: string[] = [];
  if (sizes.initialJsBytes > budget.initialJsBytes) {
    overruns.push(
      `initial JavaScript ${kB(sizes.initialJsBytes)} > budget ${kB(budget.initialJsBytes)} (${sizes.initialFiles.join(', ')})`,
    );
  }
  if (sizes.totalJsBytes > budget.totalJsBytes) {
    overruns.push(`total JavaScript ${kB(sizes.totalJsBytes)} > budget ${kB(budget.totalJsBytes)}`);
  }
  return overruns;
}

/** The Vite plugin: measures the chunks once written and fails the build past the budget. */
export function bundleBudget(budget: BundleBudget): Plugin {
  return {
    name: 'steerboard:bundle-budget',
    apply: 'build',
    writeBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []));
      const sizes = measureBundle(chunks);
      const overruns = budgetOverruns(sizes, budget);
      if (overruns.length > 0) {
        this.error(
          `The web bundle is over its size budget (vite.config.ts, decision 0025):\n  ${overruns.join('\n  ')}`,
        );
      }
      this.info(
        `bundle budget: initial JavaScript ${(sizes.initialJsBytes / 1000).toFixed(1)} of ${(budget.initialJsBytes / 1000).toFixed(0)} kB, ` +
          `total ${(sizes.totalJsBytes / 1000).toFixed(1)} of ${(budget.totalJsBytes / 1000).toFixed(0)} kB (brotli)`,
      );
    },
  };
}
