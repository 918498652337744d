import { anvilRpc } from './rpc.ts';

/** How often the devnets `npm start` runs (and the benches) sweep their pool: a stuck batch waits half a second, not minutes. */
export const DEVNET_POOL_SWEEP_MS = 500;

/**
 * Mines a block whenever ready transactions wait in anvil's pool, checked every `everyMs`.
 *
 * Automine (anvil 1.7) mines one block per arriving transaction, filled up to the gas limit:
 * when several ready transactions are in the pool at once — a signer's batches arriving out of
 * nonce order, then the missing nonce — the ones that did not fit wait for the next transaction
 * to arrive, and the last of a run waits for ever (a yield's last batches sat two minutes, until
 * the engine's fee bump sent something). A real chain keeps producing blocks; this makes the
 * devnet do so while work is pending, without the empty block per second of interval mining.
 */
export function sweepPool(url: string, everyMs: number): { stop(): void } {
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const status = await anvilRpc<{ pending: string }>(url, 'txpool_status');
      if (BigInt(status.pending) > 0n) await anvilRpc(url, 'evm_mine');
    } catch {
      // Stopping, or busy: the next tick tries again.
    } finally {
      busy = false;
    }
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
