import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { ALL_CASES } from './cases.ts';
import { SuiteContext } from './context.ts';
import type { ConformanceHarness } from './harness.ts';

/**
 * The ChainDriver conformance suite (docs/architecture.md "The driver contract"), one shared suite run
 * by every driver package against its devnet, modelled on drizzle-orm's integration tests:
 *
 *   describeDriverConformance('memchain', async () => ({ driver, fund, newAddress, close }));
 *
 * Cases run in order on one deployment and share its signer. A case is skipped (with the reason
 * shown) when the driver's capabilities lack the feature or the harness lists it in `skip`.
 * Contract points the suite pins down beyond driver.ts's comments:
 * - `events` pages that contain items carry `next` (the cursor after their last item);
 * - resubmitting a confirmed tx's bytes answers duplicate (or accepted), never rejected;
 * - a tx whose sequence another confirmed tx consumed reports `dropped` and submit rejects it with NONCE_CONFLICT.
 */
export function describeDriverConformance(name: string, setup: () => Promise<ConformanceHarness>): void {
  describe(`ChainDriver conformance: ${name}`, () => {
    let harness: ConformanceHarness | undefined;
    let ctx: SuiteContext | undefined;

    beforeAll(async () => {
      harness = await setup();
      const deployment = await harness.driver.deploy(harness.fund);
      const signer = harness.driver.signerFor({ kind: 'pause' }, deployment);
      ctx = new SuiteContext(harness, deployment, signer);
    });

    afterAll(async () => {
      await harness?.close();
    });

    // Every previous case waited for its txs to settle, so the chain's next sequence is exact.
    beforeEach(async () => {
      await ctx?.resync();
    });

    for (const def of ALL_CASES) {
      it(`${def.id}: ${def.title}`, async ({ skip }) => {
        if (!ctx) throw new Error('conformance setup failed');
        const reason = ctx.harness.skip?.[def.id] ?? def.requires?.(ctx);
        if (reason) skip(reason);
        await def.run(ctx);
      });
    }
  });
}
