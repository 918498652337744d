import { createHash } from 'node:crypto';
import { utils } from '@avalabs/avalanchejs';

const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());

/** An Avalanche tx id: cb58(sha256(signed tx bytes)). The subnet id and blockchain id are the ids of the txs that created them. */
export const txIdOf = (signedBytes: Uint8Array): string => utils.base58check.encode(sha256(signedBytes));

/** ids.ID.Append(i) = sha256(id ‖ uint32be(i)): the validation id of the i-th validator of a conversion. */
export function validationIdOf(subnetId: string, index: number): string {
  const id = utils.base58check.decode(subnetId);
  const b = new Uint8Array(id.length + 4);
  b.set(id, 0);
  new DataView(b.buffer).setUint32(id.length, index);
  return utils.base58check.encode(sha256(b));
}
