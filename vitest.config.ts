import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'build/**/*.test.ts'],
    environment: 'node',
    // Integration tests open a database per file; two cores run two files at a time well.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
