import { pvmSerial, utils } from '@avalabs/avalanchejs';
import { FiscusError } from '@fiscus/core';
import { isAddress } from 'ethers';
import { buildSubnetEvmGenesis } from '../genesis.ts';
import type { L1ProvisionConfig } from './types.ts';

/** The P-Chain's own syntactic rules for what we will put on chain, checked before anything is signed. */
export function validateProvisionConfig(cfg: L1ProvisionConfig): void {
  const bad = (m: string) => {
    throw new FiscusError('VALIDATION_FAILED', m);
  };
  if (!cfg.chainName || cfg.chainName.length > 128 || !/^[A-Za-z0-9 ]+$/.test(cfg.chainName))
    bad('chainName: 1-128 letters, digits or spaces (CreateChainTx rule)');
  if (!isAddress(cfg.validatorManagerAddress)) bad('validatorManagerAddress: not a 0x EVM address (mixed case must be a valid EIP-55 checksum)');
  if (/^0x0{40}$/.test(cfg.validatorManagerAddress)) bad('validatorManagerAddress: the zero address cannot manage validators');
  if (cfg.validators.length === 0) bad('validators: a conversion needs at least one validator');
  for (const v of cfg.validators) {
    if (!/^NodeID-/.test(v.nodeId)) bad(`validator ${v.nodeId}: node ids look like NodeID-…`);
    try {
      if (utils.base58check.decode(v.nodeId.slice(7)).length !== 20) bad(`validator ${v.nodeId}: a node id is 20 bytes`);
    } catch (e) {
      if (e instanceof FiscusError) throw e;
      bad(`validator ${v.nodeId}: bad cb58 (${(e as Error).message})`);
    }
    if (!/^(0x)?[0-9a-fA-F]{96}$/.test(v.blsPublicKey)) bad(`validator ${v.nodeId}: blsPublicKey must be 48 bytes hex`);
    if (!/^(0x)?[0-9a-fA-F]{192}$/.test(v.proofOfPossession)) bad(`validator ${v.nodeId}: proofOfPossession must be 96 bytes hex`);
    try {
      const hex = (x: string) => utils.hexToBuffer(x.startsWith('0x') ? x : `0x${x}`);
      new pvmSerial.ProofOfPossession(hex(v.blsPublicKey), hex(v.proofOfPossession)); // verifies the BLS proof
    } catch (e) {
      bad(`validator ${v.nodeId}: invalid BLS proof of possession (${(e as Error).message})`);
    }
    if (v.weight <= 0n) bad(`validator ${v.nodeId}: weight must be positive`);
    if (v.balance < 0n) bad(`validator ${v.nodeId}: balance cannot be negative`);
  }
  const genesis = buildSubnetEvmGenesis(cfg.genesis); // throws VALIDATION_FAILED on bad allow lists / chain id
  if (JSON.stringify(genesis).length > 1 << 20) bad('genesis over 1 MiB (CreateChainTx limit)');
}
