import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most suites wait on chains (ledger closes, confirmations, a node held down for 30 s) rather than
    // burn CPU, so three forks finish well sooner than vitest's default of one on a 2-core machine.
    maxWorkers: 3,
  },
});
