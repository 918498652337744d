import { keccak_256 } from '@noble/hashes/sha3.js';
import { base32 } from '@scure/base';
import { chainFamily, type ChainId } from './chain-id.ts';
import { FiscusError } from './errors.ts';

/**
 * Addresses are stored and compared in ONE canonical form per chain family (EVM: EIP-55
 * checksum; Stellar: G… StrKey), so the same wallet can never appear twice in the cap table.
 */
export function normalizeAddress(chain: ChainId, address: string): string {
  const family = chainFamily(chain);
  if (family === 'eip155' || family === 'memory') return normalizeEvm(address);
  if (family === 'stellar') {
    decodeStellarPublicKey(address);
    return address;
  }
  throw new FiscusError('INVALID_CHAIN', `no address rules for chain "${chain}"`, { meta: { chain } });
}

/** False for a bad address AND for a chain with no address rules (normalizeAddress says which). */
export function isValidAddress(chain: ChainId, address: string): boolean {
  try {
    normalizeAddress(chain, address);
    return true;
  } catch {
    return false;
  }
}

const invalid = (address: string, why: string) =>
  new FiscusError('INVALID_ADDRESS', `"${String(address)}" is not a valid address: ${why}`, { meta: { actual: String(address) } });

const EVM = /^0x[0-9a-fA-F]{40}$/;

/** EIP-55: upper-case the hex letters whose nibble in keccak256(lowercase hex) is ≥ 8. */
export function toChecksumAddress(hex40: string): string {
  const lower = hex40.toLowerCase().replace(/^0x/, '');
  const hash = keccak_256(new TextEncoder().encode(lower));
  let out = '0x';
  for (let i = 0; i < 40; i++) {
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0x0f;
    out += nibble >= 8 ? lower[i]!.toUpperCase() : lower[i]!;
  }
  return out;
}

function normalizeEvm(address: string): string {
  if (typeof address !== 'string' || !EVM.test(address)) throw invalid(address, 'expected 0x followed by 40 hex digits');
  const body = address.slice(2);
  // Tokens sent to the zero address are burned for good; no investor wallet can be it.
  if (/^0{40}$/.test(body)) throw invalid(address, 'the zero address');
  const checksummed = toChecksumAddress(body);
  const uniformCase = body === body.toLowerCase() || body === body.toUpperCase();
  // Mixed case claims to carry a checksum: a typo must not silently become another wallet.
  if (!uniformCase && checksummed !== address) throw invalid(address, 'EIP-55 checksum mismatch');
  return checksummed;
}

const STELLAR_ED25519_PUBLIC = 6 << 3; // StrKey version byte for G… account ids

/** CRC16-XModem (poly 0x1021, init 0), as StrKey uses. */
export function crc16xmodem(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) {
    crc ^= b << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

export function encodeStellarPublicKey(key: Uint8Array): string {
  if (key.length !== 32) throw new FiscusError('VALIDATION_FAILED', `ed25519 public key must be 32 bytes, got ${key.length}`);
  const payload = new Uint8Array(35);
  payload[0] = STELLAR_ED25519_PUBLIC;
  payload.set(key, 1);
  const crc = crc16xmodem(payload.subarray(0, 33));
  payload[33] = crc & 0xff; // checksum is little-endian
  payload[34] = crc >> 8;
  return base32.encode(payload);
}

/** Decodes a G… StrKey to its 32-byte ed25519 key; M… (muxed), S… (secret) and C… (contract) are refused. */
export function decodeStellarPublicKey(address: string): Uint8Array {
  if (typeof address !== 'string' || address.length !== 56 || address[0] !== 'G') {
    throw invalid(address, 'expected a 56-character Stellar account id starting with G');
  }
  let bytes: Uint8Array;
  try {
    bytes = base32.decode(address);
  } catch {
    throw invalid(address, 'not base32');
  }
  if (bytes.length !== 35 || bytes[0] !== STELLAR_ED25519_PUBLIC) throw invalid(address, 'wrong StrKey version byte');
  const crc = crc16xmodem(bytes.subarray(0, 33));
  if (bytes[33] !== (crc & 0xff) || bytes[34] !== crc >> 8) throw invalid(address, 'StrKey checksum mismatch');
  const key = bytes.slice(1, 33);
  // The all-zero key is a well-known "nobody" account; units sent there are unrecoverable.
  if (key.every((b) => b === 0)) throw invalid(address, 'the all-zero account');
  return key;
}
