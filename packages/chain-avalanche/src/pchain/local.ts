import type { Signer } from '@fiscus/core';
import type { SubnetEvmGenesis } from '../genesis.ts';
import { provisionL1, type ProvisionOptions } from './provision.ts';
import type { L1ProvisionConfig, ProvisionKeys, ProvisionRecord, ProvisionStore } from './types.ts';
import { FiscusError } from '@fiscus/core';

export interface LocalL1 {
  subnetId: string;
  blockchainId: string;
  conversionId: string;
  genesis: SubnetEvmGenesis;
  record: ProvisionRecord;
}

/**
 * `npm start`: provisions the local devnet's L1 on the P-Chain stand-in before the Subnet-EVM
 * stand-in starts, which then starts from `genesis` (the exact JSON put into CreateChainTx).
 * Idempotent across restarts: the record in `store` (id `local`) resumes or returns the done L1.
 */
export async function provisionLocalL1(p: {
  pchainUrl: string;
  store: ProvisionStore;
  config: L1ProvisionConfig;
  keys: ProvisionKeys | { payer: Signer };
  id?: string;
  hooks?: ProvisionOptions['hooks'];
}): Promise<LocalL1> {
  const record = await provisionL1(p.id ?? 'local', p.config, { pchain: p.pchainUrl, store: p.store, keys: p.keys, hooks: p.hooks });
  if (record.step !== 'done') throw new FiscusError('CHAIN_UNAVAILABLE', `local L1 provisioning stopped at ${record.step}: ${record.error ?? ''}`);
  return { subnetId: record.subnetId!, blockchainId: record.blockchainId!, conversionId: record.conversionId!, genesis: record.genesis, record };
}
