import { join } from 'node:path';
import { devSecp256k1Signer } from '@fiscus/chain-evm';
import {
  FileProvisionStore,
  MemoryProvisionStore,
  pchainBech32,
  provisionLocalL1,
  type L1ProvisionConfig,
  type SubnetEvmGenesis,
  type SubnetEvmGenesisConfig,
} from '@fiscus/chain-avalanche';
import { devValidator, startPChain, type PChainServer } from '@fiscus/devnet';
import type { Signer } from '@fiscus/core';
import type { Logger } from 'pino';
import type { Db } from '@fiscus/ledger';
import type { Config } from '../../config.ts';
import { L1Provisioner } from './provision-store.ts';

/**
 * The local devnet's P-Chain: the P-Chain stand-in in this process (or AVALANCHE_PCHAIN_URL), a
 * PUBLIC dev payer key funded at its genesis, and the provisioning of the local L1 through it
 * before the Subnet-EVM stand-in starts from the genesis the CreateChainTx carried.
 */

/** PUBLIC dev key that pays P-Chain fees on the local devnet (NEVER for a real network). */
export const LOCAL_PCHAIN_PAYER_KEY = `0x${'a5'.repeat(32)}`;
const LOCAL_PAYER_FUNDS = 1_000_000n * 1_000_000_000n; // 1 M AVAX in nAVAX
/** The local L1 has no validator-manager contract; the conversion records this placeholder address. */
export const LOCAL_VALIDATOR_MANAGER = '0x0feedc0de0000000000000000000000000000000';

export interface LocalPChain {
  url: string;
  payer: Signer;
  /** Where the P-Chain state and the provisioning records are kept; none = in memory (tests). */
  stateDir?: string;
  server?: PChainServer;
  close(): Promise<void>;
}

export async function startLocalPChain(config: Config, stateDir?: string): Promise<LocalPChain> {
  const payer = devSecp256k1Signer(config.AVALANCHE_PCHAIN_KEY ?? LOCAL_PCHAIN_PAYER_KEY);
  if (config.AVALANCHE_PCHAIN_URL) return { url: config.AVALANCHE_PCHAIN_URL, payer, stateDir, close: async () => {} };
  const server = await startPChain({
    funded: [{ address: pchainBech32(payer, 'local'), amount: LOCAL_PAYER_FUNDS }],
    stateFile: stateDir ? join(stateDir, 'pchain-state.json') : undefined,
  });
  return { url: server.url, payer, server, stateDir, close: () => server.close() };
}

/** Provisions (or, after a restart, finds) the local L1 and returns the genesis its CreateChainTx carries. */
export async function provisionLocalDevnetL1(p: {
  config: Config;
  genesisConfig: SubnetEvmGenesisConfig;
  logger: Logger;
  pchain: LocalPChain;
}): Promise<SubnetEvmGenesis> {
  const l1: L1ProvisionConfig = {
    chainName: 'fiscus local L1',
    genesis: p.genesisConfig,
    validatorManagerAddress: LOCAL_VALIDATOR_MANAGER,
    validators: [{ ...devValidator('fiscus-local-node-1'), weight: 100n, balance: 1_000_000_000n }],
  };
  const store = p.pchain.stateDir ? new FileProvisionStore(join(p.pchain.stateDir, 'avalanche-provisions')) : new MemoryProvisionStore();
  const res = await provisionLocalL1({ pchainUrl: p.pchain.url, store, config: l1, keys: { payer: p.pchain.payer }, id: `local-${p.genesisConfig.chainId}` });
  p.logger.info(
    { pchain: p.pchain.url, subnetId: res.subnetId, blockchainId: res.blockchainId, conversionId: res.conversionId },
    'local Avalanche L1 provisioned on the P-Chain stand-in',
  );
  return res.genesis;
}

/** The provisioner behind POST /v1/avalanche/l1s: the local P-Chain, or AVALANCHE_PCHAIN_URL + AVALANCHE_PCHAIN_KEY; none otherwise. */
export function l1ProvisionerFor(config: Config, db: Db, logger: Logger, local?: LocalPChain): L1Provisioner | undefined {
  const log = logger.child({ component: 'l1-provisioner' });
  if (local) return new L1Provisioner({ db, pchainUrl: local.url, keys: { payer: local.payer }, logger: log });
  if (config.AVALANCHE_PCHAIN_URL && config.AVALANCHE_PCHAIN_KEY) {
    return new L1Provisioner({ db, pchainUrl: config.AVALANCHE_PCHAIN_URL, keys: { payer: devSecp256k1Signer(config.AVALANCHE_PCHAIN_KEY) }, logger: log });
  }
  return undefined;
}
