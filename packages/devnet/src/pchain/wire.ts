import { createHash } from 'node:crypto';
import { avaxSerial, utils, type Utxo } from '@avalabs/avalanchejs';

/**
 * Byte-level encodings the P-Chain API uses (avalanchego utils/formatting, ids): "hex" is 0x-hex
 * with a 4-byte sha256 checksum appended; ids are cb58 (base58 + 4-byte checksum); a tx id is
 * sha256 of the signed tx bytes; addresses are bech32 "P-<hrp>1…" of a 20-byte short id.
 */

export const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());

export class WireError extends Error {}

/** formatting.Encode(Hex, b): 0x ‖ hex(b ‖ sha256(b)[28:]). */
export function encodeHexChecksum(b: Uint8Array): string {
  return utils.bufferToHex(utils.addChecksum(b));
}

/** formatting.Decode(Hex, s): rejects a missing 0x, odd length or a wrong checksum. */
export function decodeHexChecksum(s: unknown): Uint8Array {
  if (typeof s !== 'string' || !s.startsWith('0x')) throw new WireError('hex string missing 0x prefix');
  if (s.length % 2 !== 0 || !/^0x[0-9a-fA-F]*$/.test(s)) throw new WireError('invalid hex string');
  const all = utils.hexToBuffer(s);
  if (all.length < 4) throw new WireError('missing checksum');
  const payload = all.slice(0, -4);
  const want = sha256(payload).slice(-4);
  if (!want.every((v, i) => v === all[all.length - 4 + i])) throw new WireError('invalid input checksum');
  return payload;
}

export const cb58 = (b: Uint8Array): string => utils.base58check.encode(b);
export const txIdOf = (signedBytes: Uint8Array): string => cb58(sha256(signedBytes));

/** Parses a SignedTx from the PVM codec and insists the bytes are canonical (no trailing bytes). */
export function parseSignedTx(bytes: Uint8Array): avaxSerial.SignedTx {
  const tx = utils.getManagerForVM('PVM').unpack(bytes, avaxSerial.SignedTx);
  const again = tx.toBytes();
  if (again.length !== bytes.length || !again.every((v, i) => v === bytes[i])) {
    throw new WireError('tx bytes are not canonical (trailing or re-encoded bytes)');
  }
  return tx;
}

/** The bytes a credential signs: codec version ‖ type id ‖ unsigned tx (avalanchego tx.Unsigned.Bytes()). */
export const unsignedBytesOf = (tx: avaxSerial.SignedTx): Uint8Array => utils.packTx(tx.unsignedTx);

/** UTXO as getUTXOs returns it: codec version ‖ utxo (a struct, so no type id of its own). */
export function utxoBytes(u: Utxo): Uint8Array {
  const m = utils.getManagerForVM('PVM');
  const codec = m.getDefaultCodec();
  const version = m.getDefaultCodecId().toBytes();
  const body = u.toBytes(codec);
  const out = new Uint8Array(version.length + body.length);
  out.set(version, 0);
  out.set(body, version.length);
  return out;
}

export function formatAddress(hrp: string, short: Uint8Array): string {
  return utils.format('P', hrp, short);
}

/** "P-local1…" → 20 bytes; the chain alias is optional as in avalanchego's address parsing. */
export function parseAddress(addr: string): Uint8Array {
  const bech = addr.includes('-') ? addr.slice(addr.indexOf('-') + 1) : addr;
  const [, bytes] = utils.parseBech32(bech);
  if (bytes.length !== 20) throw new WireError(`address ${addr} is not 20 bytes`);
  return bytes;
}
