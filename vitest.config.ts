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
    // A fork runs its files one after another in one module graph instead of loading the libraries
    // (the Stellar SDK alone is ~1 s) again for every file: CPU is what a 2-core CI run is short of.
    // The suites share nothing else: each file starts its own chains and databases and stops them.
    isolate: false,
  },
});
