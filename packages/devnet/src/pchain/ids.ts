import { cb58, sha256 } from './wire.ts';

/** Ids the P-Chain derives (avalanchego ids.ID.Append, warp/message.SubnetToL1ConversionID). */

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const u64 = (n: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(n);
  return b;
};

/** ids.ID.Append(i): sha256(id ‖ uint32be(i)), the validation id of the i-th conversion validator. */
export function appendId(id: Uint8Array, i: number): string {
  return cb58(sha256(Buffer.concat([id, u32(i)])));
}

export interface ConversionValidatorData {
  nodeId: Uint8Array;
  blsPublicKey: Uint8Array;
  weight: bigint;
}

/**
 * sha256 of Codec.Marshal(0, SubnetToL1ConversionData): codec version ‖ subnetID ‖ managerChainID
 * ‖ len-prefixed manager address ‖ count-prefixed validators (len-prefixed node id, 48-byte BLS
 * key, uint64 weight). Computed by hand because avalanchejs' ConversionData wraps the validator
 * list in an extra length prefix that the Go codec does not write.
 */
export function conversionId(subnetId: Uint8Array, managerChainId: Uint8Array, managerAddress: Uint8Array, validators: ConversionValidatorData[]): string {
  const parts: Buffer[] = [
    Buffer.from([0, 0]),
    Buffer.from(subnetId),
    Buffer.from(managerChainId),
    u32(managerAddress.length),
    Buffer.from(managerAddress),
    u32(validators.length),
  ];
  for (const v of validators) parts.push(u32(v.nodeId.length), Buffer.from(v.nodeId), Buffer.from(v.blsPublicKey), u64(v.weight));
  return cb58(sha256(Buffer.concat(parts)));
}
