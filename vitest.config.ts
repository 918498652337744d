import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The suites that run for minutes: crash tests (child workers killed and restarted), fault tests
 * (a node held down), the soak, the server's process tests.
 */
const SLOW = /(crash[\w-]*|faults|soak|main)\.int\.test\.ts$/;

/**
 * Longest first: a fresh clone has no vitest cache of durations, so vitest orders files by size
 * and the crash suites (100–150 s each) started last and ran into each other at the end of CI
 * (the last six files to finish). Started first, the short files fill the forks around them.
 */
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => (SLOW.test(f.moduleId) ? 0 : 1);
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most suites wait on chains (ledger closes, confirmations, a node held down for 30 s) rather than
    // burn CPU, so three forks finish well sooner than vitest's default of one on a 2-core machine.
    maxWorkers: 3,
    sequence: { sequencer: SlowFirst },
  },
});
