import { Wallet } from 'ethers';
import { startAnvil, type AnvilNode } from '@fiscus/devnet';
import { EvmDriver, devSecp256k1Signer, ensureInfrastructure, signerAddress, type EvmFinality, type EvmInfrastructure } from '../../src/index.ts';

export interface EvmTestDevnet {
  anvil: AnvilNode;
  chainId: bigint;
  infra: EvmInfrastructure;
  keys: { admin: string; operator: string; claim: string };
  /** `url`: another endpoint in front of this anvil (e.g. an RpcProxy). */
  driver(opts?: { confirmations?: number; finality?: EvmFinality; pageSize?: number; logRange?: bigint; url?: string }): EvmDriver;
  /** A fresh investor key (investors sign their own transfers); fund it before it sends. */
  investor(): Wallet;
  fund(address: string): Promise<void>;
  close(): Promise<void>;
}

const ETH = 10n ** 18n;

/**
 * One anvil per test file, with T-REX + ONCHAINID + our modules deployed by fresh random keys.
 * `anvilArgs`: extra anvil flags (e.g. `--slots-in-an-epoch 2`: the `finalized` block trails the head by 4).
 */
export async function startEvmTestDevnet(o: { anvilArgs?: string[] } = {}): Promise<EvmTestDevnet> {
  const chainId = 31_337n;
  const anvil = await startAnvil({ chainId: Number(chainId), extraArgs: o.anvilArgs });
  const keys = { admin: Wallet.createRandom().privateKey, operator: Wallet.createRandom().privateKey, claim: Wallet.createRandom().privateKey };
  const signers = { admin: devSecp256k1Signer(keys.admin), operator: devSecp256k1Signer(keys.operator), claimSigner: devSecp256k1Signer(keys.claim) };
  for (const s of [signers.admin, signers.operator]) await anvil.cheats.setBalance(signerAddress(s), 1_000n * ETH);
  const infra = await ensureInfrastructure({ url: anvil.url, chainId, ...signers });
  const drivers: EvmDriver[] = [];
  return {
    anvil,
    chainId,
    infra,
    keys,
    driver: ({ url, ...opts } = {}) => {
      const d = new EvmDriver({ chainId, url: url ?? anvil.url, ...signers, infrastructure: infra, ...opts });
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
