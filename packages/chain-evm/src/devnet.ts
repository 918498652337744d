import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ZeroAddress } from 'ethers';
import { KEY_ROLES, type KeyRole, type Signer } from '@fiscus/core';
import { AdminSender } from './deploy/admin-tx.ts';
import { deployInfrastructure, type EvmInfrastructure } from './deploy/infrastructure.ts';
import { createEvmProvider } from './rpc/provider.ts';
import { signerAddress } from './signer/ethereum.ts';

/**
 * The chain's shared contracts, deployed once: reuses `recordPath` when every recorded contract
 * still has code on this chain (a devnet restarted from its state file), otherwise deploys and
 * records them. For devnets and first-time setup of a real chain alike; the record is plain JSON.
 */
export async function ensureInfrastructure(p: {
  url: string;
  chainId: bigint;
  admin: Signer;
  operator: Signer;
  claimSigner?: Signer;
  /** The keys first holding each gate role (default: the operator for every role). */
  roles?: Partial<Record<KeyRole, Signer>>;
  recordPath?: string;
}): Promise<EvmInfrastructure> {
  const provider = createEvmProvider(p.url, p.chainId);
  try {
    if (p.recordPath && existsSync(p.recordPath)) {
      const recorded = JSON.parse(readFileSync(p.recordPath, 'utf8')) as EvmInfrastructure;
      const addresses = [
        recorded.agentGate ?? ZeroAddress,
        recorded.trexFactory,
        recorded.idFactory,
        recorded.onboarder,
        recorded.claimIssuer,
        ...Object.values(recorded.modules),
      ];
      const codes = await Promise.all(addresses.map((a) => provider.getCode(a)));
      if (codes.every((c) => c !== '0x')) return recorded;
    }
    const admin = new AdminSender(provider, p.admin, p.chainId);
    const gateRoles = Object.fromEntries(KEY_ROLES.map((r) => [r, signerAddress(p.roles?.[r] ?? p.operator)])) as Record<KeyRole, string>;
    const infra = await deployInfrastructure(admin, {
      operator: signerAddress(p.operator),
      claimSigner: signerAddress(p.claimSigner ?? p.admin),
      gateRoles,
    });
    if (p.recordPath) writeFileSync(p.recordPath, `${JSON.stringify(infra, null, 2)}\n`);
    return infra;
  } finally {
    provider.destroy();
  }
}
