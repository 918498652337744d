import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.ts';
import { attestationKeyFromSeed, generateAttestationKey, loadOrCreateAttestationKey, verifyAttestation } from './key.ts';

const dir = mkdtempSync(join(tmpdir(), 'fiscus-att-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('attestation key', () => {
  it('signs so that only the public key is needed to verify; a changed byte fails', () => {
    const k = generateAttestationKey();
    const payload = canonicalJson({ b: '1', a: true, n: null });
    expect(payload).toBe('{"a":true,"b":"1","n":null}');
    const sig = k.sign(payload);
    expect(verifyAttestation(k.publicKey, payload, sig)).toBe(true);
    expect(verifyAttestation(k.publicKey, payload.replace('1', '2'), sig)).toBe(false);
    expect(verifyAttestation(generateAttestationKey().publicKey, payload, sig)).toBe(false);
  });

  it('is deterministic from its seed (hex or base64) and never serialises the private half', () => {
    const hex = '11'.repeat(32);
    const a = attestationKeyFromSeed(hex);
    const b = attestationKeyFromSeed(Buffer.from(hex, 'hex').toString('base64'));
    expect([a.keyId, a.publicKey]).toEqual([b.keyId, b.publicKey]);
    expect(Buffer.from(a.publicKey, 'base64')).toHaveLength(32);
    expect(JSON.stringify(a)).toBe(JSON.stringify({ keyId: a.keyId, publicKey: a.publicKey }));
    expect(() => attestationKeyFromSeed('abcd')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('devnet: created once in the data dir (0600) and the same key on the next start', () => {
    const file = join(dir, 'sub', 'attestation.seed');
    const first = loadOrCreateAttestationKey(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateAttestationKey(file).publicKey).toBe(first.publicKey);
    expect(attestationKeyFromSeed(readFileSync(file, 'utf8').trim()).keyId).toBe(first.keyId);
  });

  it('canonical JSON refuses values whose serialisation is ambiguous', () => {
    expect(() => canonicalJson({ x: 0.1 })).toThrow(TypeError);
    expect(canonicalJson({ z: [{ b: 1, a: 2 }], a: 'é' })).toBe('{"a":"é","z":[{"a":2,"b":1}]}');
  });
});
