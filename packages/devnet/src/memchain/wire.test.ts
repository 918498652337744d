import { describe, expect, it } from 'vitest';
import { ed25519Signer } from '../keys.ts';
import { decodeTxBody } from './codec.ts';
import { bodyHash, canonicalJson, openEnvelope, signEnvelope, type TxBody } from './wire.ts';

describe('memchain wire format', () => {
  const signer = ed25519Signer(new Uint8Array(32).fill(1));
  const body: TxBody = {
    chain: 'memory:devnet',
    signer: signer.keyId,
    nonce: '4',
    token: 'fund-1',
    ops: [{ kind: 'mint', to: `0x${'a'.repeat(40)}`, units: '10' }],
  };

  it('hashes canonical bytes: key order does not matter', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }] })).toBe('{"a":[{"c":null,"d":"x"}],"b":1}');
    const reordered = { ops: body.ops, token: body.token, nonce: body.nonce, signer: body.signer, chain: body.chain };
    expect(bodyHash(reordered)).toBe(bodyHash(body));
    expect(bodyHash(body)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('round-trips a signed envelope and decodes its ops with bigint units', async () => {
    const raw = await signEnvelope(body, signer);
    const env = openEnvelope(raw);
    expect(env.hash).toBe(bodyHash(body));
    expect(decodeTxBody(env.body)).toMatchObject({ nonce: 4n, ops: [{ kind: 'mint', units: 10n }] });
  });

  it('rejects malformed envelopes and ops as TX_REJECTED / INVALID_ADDRESS', async () => {
    expect(() => openEnvelope(new TextEncoder().encode('not json'))).toThrow(expect.objectContaining({ code: 'TX_REJECTED' }));
    expect(() => decodeTxBody({ ...body, nonce: '-1' })).toThrow(expect.objectContaining({ code: 'TX_REJECTED' }));
    expect(() => decodeTxBody({ ...body, ops: [{ kind: 'mint', to: 'mc1abc', units: '1' }] })).toThrow(expect.objectContaining({ code: 'INVALID_ADDRESS' }));
    expect(() => decodeTxBody({ ...body, ops: [{ kind: 'selfdestruct' }] })).toThrow(expect.objectContaining({ code: 'TX_REJECTED' }));
  });
});
