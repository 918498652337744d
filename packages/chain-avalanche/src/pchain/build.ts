import { L1Validator, PChainOwner, pvm, pvmSerial, utils, type Context, type UnsignedTx, type Utxo } from '@avalabs/avalanchejs';
import { FiscusError } from '@fiscus/core';
import type { SubnetEvmGenesis } from '../genesis.ts';
import type { L1ProvisionConfig } from './types.ts';

/** Unsigned P-Chain txs for each provisioning step (avalanchejs 5.2 Etna builders, dynamic fees). */

/** Subnet-EVM's VM id (the one every Subnet-EVM L1 is created with). */
export const SUBNET_EVM_VM_ID = 'srEXiWaHuhNyGwPUi444Tu47ZEDwxTWrbQiuD7FmgSAQ6X7Dy';

export interface BuildInput {
  ctx: Context.Context;
  feeState: pvm.FeeState;
  utxos: Utxo[];
  payer: Uint8Array;
  subnetOwner: Uint8Array;
}

export function buildCreateSubnet(b: BuildInput): UnsignedTx {
  return pvm.newCreateSubnetTx({ feeState: b.feeState, fromAddressesBytes: [b.payer], utxos: b.utxos, subnetOwners: [b.subnetOwner], threshold: 1 }, b.ctx);
}

export function buildCreateChain(b: BuildInput, subnetId: string, chainName: string, genesis: SubnetEvmGenesis): UnsignedTx {
  return pvm.newCreateChainTx(
    {
      feeState: b.feeState,
      fromAddressesBytes: [b.payer],
      utxos: b.utxos,
      subnetId,
      subnetAuth: [0],
      chainName,
      vmId: SUBNET_EVM_VM_ID,
      fxIds: [],
      // avalanchejs JSON.stringify's this object: the same bytes as genesisBytes(genesis).
      genesisData: genesis as unknown as Record<string, unknown>,
    },
    b.ctx,
  );
}

export function buildConvert(b: BuildInput, subnetId: string, blockchainId: string, cfg: L1ProvisionConfig): UnsignedTx {
  // Validators' balances return to, and deactivation is controlled by, the subnet owner's key.
  const owner = PChainOwner.fromNative([b.subnetOwner], 1);
  const validators = sortValidators(cfg).map((v) =>
    L1Validator.fromNative(v.nodeId, v.weight, v.balance, new pvmSerial.ProofOfPossession(hex(v.blsPublicKey), hex(v.proofOfPossession)), owner, owner),
  );
  return pvm.newConvertSubnetToL1Tx(
    {
      feeState: b.feeState,
      fromAddressesBytes: [b.payer],
      utxos: b.utxos,
      subnetId,
      subnetAuth: [0],
      chainId: blockchainId,
      address: hex(cfg.validatorManagerAddress),
      validators,
    },
    b.ctx,
  );
}

/** The P-Chain requires conversion validators sorted by node id bytes and unique. */
export function sortValidators(cfg: L1ProvisionConfig) {
  const key = (id: string) => Buffer.from(utils.base58check.decode(id.replace(/^NodeID-/, '')));
  const sorted = [...cfg.validators].sort((a, b) => Buffer.compare(key(a.nodeId), key(b.nodeId)));
  for (let i = 1; i < sorted.length; i++) {
    if (key(sorted[i - 1]!.nodeId).equals(key(sorted[i]!.nodeId))) throw new FiscusError('VALIDATION_FAILED', `validator ${sorted[i]!.nodeId} listed twice`);
  }
  return sorted;
}

const hex = (s: string) => utils.hexToBuffer(s.startsWith('0x') ? s : `0x${s}`);
