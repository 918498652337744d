import { Wallet } from 'ethers';
import type { KeyRole, Signer } from '@fiscus/core';
import { startSubnetEvm, type SubnetEvmNode } from '@fiscus/devnet';
import { AdminSender, devSecp256k1Signer, evmAbi, signerAddress } from '@fiscus/chain-evm';
import {
  AvalancheDriver,
  buildSubnetEvmGenesis,
  ensureAvalancheInfrastructure,
  platformL1Config,
  type AvalancheDriverOptions,
  type AvalancheInfrastructure,
  type SubnetEvmGenesis,
} from '../../src/index.ts';

export interface AvalancheTestDevnet {
  node: SubnetEvmNode;
  chainId: bigint;
  genesis: SubnetEvmGenesis;
  infra: AvalancheInfrastructure;
  keys: { admin: string; operator: string; claim: string; allowListAdmin: string };
  topUp: { amount: bigint; threshold: bigint };
  driver(opts?: Partial<Pick<AvalancheDriverOptions, 'confirmations' | 'pageSize' | 'topUp' | 'approvals'>>): AvalancheDriver;
  investor(): Wallet;
  /** An investor's own token transfer, signed by its key, through the gate; rejects on refusal. */
  holderTransfer(driver: AvalancheDriver, token: string, wallet: Wallet, to: string, units: bigint): Promise<void>;
  close(): Promise<void>;
}

export const TEST_CHAIN_ID = 43_199n;
const E18 = 10n ** 18n;

/**
 * A Subnet-EVM stand-in from the platform's genesis, with the L1 infrastructure deployed.
 * `roleKeys` (hex keys per gate role, the first holding the role): allow-listed, funded and given
 * to every driver; default none (the operator holds every role).
 */
export async function startAvalancheTestDevnet(o: { roleKeys?: Partial<Record<KeyRole, string[]>> } = {}): Promise<AvalancheTestDevnet> {
  const keys = {
    admin: Wallet.createRandom().privateKey,
    operator: Wallet.createRandom().privateKey,
    claim: Wallet.createRandom().privateKey,
    allowListAdmin: Wallet.createRandom().privateKey,
  };
  const signers = {
    admin: devSecp256k1Signer(keys.admin),
    operator: devSecp256k1Signer(keys.operator),
    claimSigner: devSecp256k1Signer(keys.claim),
    allowListAdmin: devSecp256k1Signer(keys.allowListAdmin),
  };
  const genesis = buildSubnetEvmGenesis(
    platformL1Config({
      chainId: Number(TEST_CHAIN_ID),
      allowListAdmin: signerAddress(signers.allowListAdmin),
      admin: signerAddress(signers.admin),
      operator: signerAddress(signers.operator),
    }),
  );
  const node = await startSubnetEvm({ genesis });
  const roleKeys = Object.fromEntries(Object.entries(o.roleKeys ?? {}).map(([r, ks]) => [r, ks.map((k) => devSecp256k1Signer(k))])) as Partial<
    Record<KeyRole, Signer[]>
  >;
  const infra = await ensureAvalancheInfrastructure({ url: node.url, chainId: TEST_CHAIN_ID, ...signers, roleKeys });
  const topUp = { amount: E18, threshold: E18 / 10n };
  const drivers: AvalancheDriver[] = [];
  return {
    node,
    chainId: TEST_CHAIN_ID,
    genesis,
    infra,
    keys,
    topUp,
    driver: (opts = {}) => {
      const d = new AvalancheDriver({ chainId: TEST_CHAIN_ID, url: node.url, ...signers, roleKeys, infrastructure: infra, topUp, ...opts });
      drivers.push(d);
      return d;
    },
    investor: () => new Wallet(Wallet.createRandom().privateKey),
    holderTransfer: async (driver, token, wallet, to, units) => {
      const sender = new AdminSender(driver.provider, devSecp256k1Signer(wallet.privateKey), TEST_CHAIN_ID);
      await sender.call(token, evmAbi.token.encodeFunctionData('transfer', [to, units]));
    },
    close: async () => {
      for (const d of drivers) d.provider.destroy();
      await node.stop();
    },
  };
}
