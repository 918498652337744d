import { createHash, verify } from 'node:crypto';
import { FiscusError, type Signer } from '@fiscus/core';
import { ed25519PublicKey } from '../keys.ts';

/**
 * memchain's transaction encoding, shared by the server and the driver.
 * raw = UTF-8 JSON `{ body, sig }`; sig = ed25519 over the canonical body bytes;
 * hash = hex sha256 of the canonical body bytes (so the hash is known before sending,
 * as on a real chain, and identical bytes always have the identical hash).
 */

/** A signed transaction body. Units travel as decimal strings of base units. */
export interface TxBody {
  chain: string;
  /** `ed25519:<hex public key>` */
  signer: string;
  /** Decimal string; account nonce like Ethereum's. */
  nonce: string;
  /** Fund id the token was deployed under. */
  token: string;
  /** SingleOperation JSON (a batch is simply several ops). */
  ops: Record<string, unknown>[];
}

/** A signed deploy request. Separate shape so it can never be replayed as a transaction. */
export interface DeployBody {
  chain: string;
  signer: string;
  deploy: { id: string; name: string; symbol: string; decimals: number };
}

export interface Envelope {
  body: Record<string, unknown>;
  sig: string;
}

/** JSON with object keys sorted recursively: one byte string per logical body. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

export const bodyBytes = (body: object): Buffer => Buffer.from(canonicalJson(body), 'utf8');
export const bodyHash = (body: object): string => createHash('sha256').update(bodyBytes(body)).digest('hex');

const SIGNER_RE = /^ed25519:[0-9a-f]{64}$/;
export const isSignerId = (s: unknown): s is string => typeof s === 'string' && SIGNER_RE.test(s);
export const signerId = (publicKey: Uint8Array): string => `ed25519:${Buffer.from(publicKey).toString('hex')}`;

/** Signs a body through the Signer interface (never with key material) and encodes the raw bytes. */
export async function signEnvelope(body: TxBody | DeployBody, signer: Signer): Promise<Uint8Array> {
  if (signer.algorithm !== 'ed25519') {
    throw new FiscusError('VALIDATION_FAILED', `memchain needs an ed25519 signer, got ${signer.algorithm}`);
  }
  const sig = await signer.sign(bodyBytes(body));
  return new Uint8Array(Buffer.from(JSON.stringify({ body, sig: Buffer.from(sig).toString('hex') }), 'utf8'));
}

const rejected = (details: string) => new FiscusError('TX_REJECTED', 'malformed transaction', { details });

/** Parses raw bytes and checks the signature against the body's own signer. */
export function openEnvelope(raw: Uint8Array): Envelope & { hash: string; signer: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch {
    throw rejected('raw bytes are not UTF-8 JSON');
  }
  const env = parsed as Partial<Envelope> | null;
  if (!env || typeof env !== 'object' || !env.body || typeof env.body !== 'object' || Array.isArray(env.body)) {
    throw rejected('expected { body, sig }');
  }
  if (typeof env.sig !== 'string' || !/^[0-9a-f]{128}$/.test(env.sig)) throw rejected('sig must be 64 bytes of hex');
  const signer = env.body.signer;
  if (!isSignerId(signer)) throw rejected('body.signer must be ed25519:<64 hex>');
  const key = ed25519PublicKey(Buffer.from(signer.slice('ed25519:'.length), 'hex'));
  const bytes = bodyBytes(env.body);
  let valid = false;
  try {
    valid = verify(null, bytes, key, Buffer.from(env.sig, 'hex'));
  } catch {
    valid = false; // malformed public key points: treat as a bad signature
  }
  if (!valid) throw new FiscusError('TX_REJECTED', 'invalid signature', { details: `signer ${signer}` });
  return { body: env.body, sig: env.sig, signer, hash: createHash('sha256').update(bytes).digest('hex') };
}
