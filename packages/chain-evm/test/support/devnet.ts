import { Wallet } from 'ethers';
import { startAnvil, type AnvilNode } from '@fiscus/devnet';
import { EvmDriver, devSecp256k1Signer, ensureInfrastructure, signerAddress, type EvmInfrastructure } from '../../src/index.ts';

export interface EvmTestDevnet {
  anvil: AnvilNode;
  chainId: bigint;
  infra: EvmInfrastructure;
  keys: { admin: string; operator: string; claim: string };
  driver(opts?: { confirmations?: number; pageSize?: number }): EvmDriver;
  /** A fresh investor key (investors sign their own transfers); fund it before it sends. */
  investor(): Wallet;
  fund(address: string): Promise<void>;
  close(): Promise<void>;
}

const ETH = 10n ** 18n;

/** One anvil per test file, with T-REX + ONCHAINID + our modules deployed by fresh random keys. */
export async function startEvmTestDevnet(): Promise<EvmTestDevnet> {
  const chainId = 31_337n;
  const anvil = await startAnvil({ chainId: Number(chainId) });
  const keys = { admin: Wallet.createRandom().privateKey, operator: Wallet.createRandom().privateKey, claim: Wallet.createRandom().privateKey };
  const signers = { admin: devSecp256k1Signer(keys.admin), operator: devSecp256k1Signer(keys.operator), claimSigner: devSecp256k1Signer(keys.claim) };
  for (const s of [signers.admin, signers.operator]) await anvil.cheats.setBalance(signerAddress(s), 1_000n * ETH);
  const infra = await ensureInfrastructure({ url: anvil.url, chainId, ...signers });
  const drivers: EvmDriver[] = [];
  return {
    anvil, chainId, infra, keys,
    driver: (opts = {}) => {
      const d = new EvmDriver({ chainId, url: anvil.url, ...signers, infrastructure: infra, ...opts });
      drivers.push(d);
      return d;
    },
    investor: () => new Wallet(Wallet.createRandom().privateKey),
    fund: async (address) => {
      await anvil.cheats.setBalance(address, 10n * ETH);
    },
    close: async () => {
      for (const d of drivers) d.provider.destroy();
      await anvil.stop();
    },
  };
}
