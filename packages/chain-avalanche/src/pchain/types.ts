import type { Signer } from '@fiscus/core';
import type { SubnetEvmGenesis, SubnetEvmGenesisConfig } from '../genesis.ts';

/** The three P-Chain transactions that turn a fund's configuration into an Avalanche L1, in order. */
export const PROVISION_STEPS = ['createSubnet', 'createChain', 'convert'] as const;
export type ProvisionTxStep = (typeof PROVISION_STEPS)[number];
export type ProvisionStep = ProvisionTxStep | 'done' | 'failed';

/** A validator of the new L1, as its node reports itself (info.getNodeID: nodeID + nodePOP). */
export interface L1ValidatorConfig {
  nodeId: string;
  /** 48-byte compressed BLS public key, hex. */
  blsPublicKey: string;
  /** 96-byte BLS proof of possession, hex. */
  proofOfPossession: string;
  weight: bigint;
  /** nAVAX pre-paid for the validator's continuous fee. */
  balance: bigint;
}

export interface L1ProvisionConfig {
  /** Chain name on the P-Chain: letters, digits and spaces, at most 128. */
  chainName: string;
  genesis: SubnetEvmGenesisConfig;
  /** Validator-manager contract on the new L1 (ConvertSubnetToL1Tx `address`, 0x + 20 bytes). */
  validatorManagerAddress: string;
  validators: L1ValidatorConfig[];
}

export interface ProvisionKeys {
  /** Pays the fees and validator balances (its UTXOs are spent). */
  payer: Signer;
  /** Owns the subnet: signs the subnet authorization of CreateChainTx and ConvertSubnetToL1Tx. Default: payer. */
  subnetOwner?: Signer;
}

export interface ProvisionTx {
  txId: string;
  /** Signed tx bytes, 0x-hex (no checksum): what is issued, and re-issued after a crash. */
  signedHex: string;
  /** UTXO ids the tx spends: a replacement must spend one of them so both can never land. */
  inputs: string[];
  /** Times this step had to be rebuilt because its tx was refused and provably cannot land. */
  rebuilds: number;
}

/** Everything provisioning knows, persisted BEFORE each issue so a crash resumes without a second subnet. */
export interface ProvisionRecord {
  id: string;
  /** Bumped by every save; a store refuses a save that does not follow the version it holds. */
  version: number;
  step: ProvisionStep;
  chainName: string;
  /** The genesis put into CreateChainTx, exactly (the Subnet-EVM stand-in starts from it). */
  genesis: SubnetEvmGenesis;
  txs: Partial<Record<ProvisionTxStep, ProvisionTx>>;
  subnetId?: string;
  blockchainId?: string;
  conversionId?: string;
  validationIds?: string[];
  error?: string;
}

export interface ProvisionStore {
  load(id: string): Promise<ProvisionRecord | null>;
  /**
   * Compare-and-set: stores `rec` only if the stored record has version `rec.version - 1` (none
   * for version 1), else throws FiscusError CONFLICT: two runners of one provisioning can never
   * both persist (and so both issue) a tx. Must be durable when it resolves.
   */
  save(rec: ProvisionRecord): Promise<void>;
}
