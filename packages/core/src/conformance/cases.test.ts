import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../driver.ts';
import { ALL_CASES } from './cases.ts';
import type { SuiteContext } from './context.ts';
import { CONFORMANCE_CASES } from './harness.ts';

/** The suite's own bookkeeping; the suite itself runs in each driver package against its devnet. */
const bare: Capabilities = {
  authorize: false,
  freeze: false,
  partialFreeze: false,
  forceTransfer: false,
  clawback: false,
  pause: false,
  recovery: false,
  onchainCompliance: false,
  maxBatch: 1,
  finality: { kind: 'confirmations', depth: 3 },
};
const ctxWith = (caps: Capabilities, harness = {}) => ({ caps, harness }) as unknown as SuiteContext;
const skipped = (c: SuiteContext) => ALL_CASES.filter((d) => d.requires?.(c)).map((d) => d.id);

describe('conformance case list', () => {
  it('implements every public case exactly once', () => {
    expect(new Set(CONFORMANCE_CASES).size).toBe(CONFORMANCE_CASES.length);
    expect(ALL_CASES.map((c) => c.id).sort()).toEqual([...CONFORMANCE_CASES].sort());
  });

  it('skips capability-bound cases with a reason when the capability is absent', () => {
    expect(skipped(ctxWith(bare))).toEqual(['finality', 'authorize', 'freeze', 'freeze.partial', 'forceTransfer', 'pause', 'batch']);
    for (const d of ALL_CASES) {
      const reason = d.requires?.(ctxWith(bare));
      if (reason) expect(reason).toMatch(/\S/);
    }
  });

  it('runs everything when every capability is present', () => {
    const full: Capabilities = { ...bare, authorize: true, freeze: true, partialFreeze: true, forceTransfer: true, pause: true, maxBatch: 100 };
    expect(skipped(ctxWith(full, { advance: async () => {} }))).toEqual([]);
    expect(skipped(ctxWith({ ...full, finality: { kind: 'instant' } }))).toEqual([]);
  });
});
