import { writeFileSync } from 'node:fs';
import type { Signer } from '@fiscus/core';
import { AdminSender } from '../deploy/admin-tx.ts';
import type { EvmInfrastructure } from '../deploy/infrastructure.ts';
import { deployLocalUsdc } from '../deploy/local-usdc.ts';
import { createEvmProvider } from '../rpc/provider.ts';

/**
 * Devnets (`npm start`, tests): gives the chain's infrastructure a local FiscusUSDC as its
 * settlement token, deployed by the admin key (owner, master minter, pauser, blacklister, faucet
 * minter), unless the record already names one that still has code. Updates `recordPath` so a
 * restarted devnet keeps the same token. Never for a real network: configure the real USDC there.
 */
export async function ensureLocalSettlement<T extends EvmInfrastructure>(p: {
  url: string;
  chainId: bigint;
  admin: Signer;
  infrastructure: T;
  recordPath?: string;
}): Promise<T> {
  const provider = createEvmProvider(p.url, p.chainId);
  try {
    const current = p.infrastructure.settlement;
    if (current && (await provider.getCode(current.address)) !== '0x') return p.infrastructure;
    const settlement = await deployLocalUsdc(new AdminSender(provider, p.admin, p.chainId));
    const infra = { ...p.infrastructure, settlement };
    if (p.recordPath) writeFileSync(p.recordPath, `${JSON.stringify(infra, null, 2)}\n`);
    return infra;
  } finally {
    provider.destroy();
  }
}
