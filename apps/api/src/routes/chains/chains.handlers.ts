import type { Capabilities } from '@fiscus/core';
import { explorerUrl } from '@fiscus/engine';
import { schema } from '@fiscus/ledger';
import { eq } from 'drizzle-orm';
import { probeChain } from '../../lib/chain-probe.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import type { ListChainsRoute } from './chains.routes.ts';

const finalityOf = (f: Capabilities['finality']): string =>
  f.kind === 'instant' ? 'instant' : f.kind === 'confirmations' ? `confirmations:${f.depth}` : `tag:${f.tag}`;

/** Funds with moves paused per chain (either direction). */
async function pausedFunds(c: Parameters<AppRouteHandler<ListChainsRoute>>[0]): Promise<Map<string, string[]>> {
  const t = schema.moveRateLimits;
  const rows = await c.var.db.selectDistinct({ chain: t.chain, fundId: t.fundId }).from(t).where(eq(t.paused, true));
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.chain, [...(out.get(r.chain) ?? []), r.fundId].sort());
  return out;
}

/**
 * The list comes from the driver registry, so a chain that is down still lists: its health
 * says `down` (each probe is bounded by the chain read timeout, all run in parallel).
 */
export const list: AppRouteHandler<ListChainsRoute> = async (c) => {
  const { drivers, chainEndpoints = {}, chainReadTimeoutMs = 3_000 } = c.var.deps;
  const chains = drivers.chains().sort();
  const [health, paused] = await Promise.all([Promise.all(chains.map((chain) => probeChain(chainEndpoints[chain], chainReadTimeoutMs))), pausedFunds(c)]);
  const items = chains.map((chain, i) => {
    const cap = drivers.get(chain)!.capabilities;
    const e = chainEndpoints[chain];
    return {
      chain,
      namespace: chain.split(':')[0]!,
      finality: finalityOf(cap.finality),
      explorerTxUrl: explorerUrl(chain, '{txHash}') ?? null,
      capabilities: {
        authorize: cap.authorize,
        freeze: cap.freeze,
        partialFreeze: cap.partialFreeze,
        forceTransfer: cap.forceTransfer,
        clawback: cap.clawback,
        pause: cap.pause,
        recovery: cap.recovery,
        onchainCompliance: cap.onchainCompliance,
        navFeed: cap.navFeed ?? false,
        replaceByFee: cap.replaceByFee ?? false,
        maxBatch: cap.maxBatch,
      },
      endpoint: e ? { kind: e.kind, url: e.url, pchainUrl: e.pchainUrl ?? null, local: e.local } : null,
      health: health[i]!,
      pausedFunds: paused.get(chain) ?? [],
    };
  });
  return c.json({ items }, 200);
};
