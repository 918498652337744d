import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, auditHash, normaliseData } from './hash.ts';

describe('auditHash', () => {
  const c = { seq: 1n, at: new Date('2025-01-02T03:04:05.678Z'), actor: 'ops', action: 'fund.create', subject: 'fund:1', data: { b: 1, a: [true, null] } };

  it('is sha256(prevHash ‖ RFC 8785 JSON) with sorted keys and seq as a string', () => {
    const body = '{"action":"fund.create","actor":"ops","at":"2025-01-02T03:04:05.678Z","data":{"a":[true,null],"b":1},"seq":"1","subject":"fund:1"}';
    expect(auditHash(GENESIS_HASH, c)).toBe(
      createHash('sha256')
        .update(GENESIS_HASH + body)
        .digest('hex'),
    );
  });

  it('does not depend on key order and changes with any field', () => {
    expect(auditHash(GENESIS_HASH, { ...c, data: { a: [true, null], b: 1 } })).toBe(auditHash(GENESIS_HASH, c));
    expect(auditHash(GENESIS_HASH, { ...c, seq: 2n })).not.toBe(auditHash(GENESIS_HASH, c));
    expect(auditHash('f'.repeat(64), c)).not.toBe(auditHash(GENESIS_HASH, c));
  });

  it('normalises data to what jsonb returns', () => {
    expect(normaliseData({ n: 10n, u: undefined, d: new Date(0) })).toEqual({ n: '10', d: '1970-01-01T00:00:00.000Z' });
    expect(normaliseData(undefined)).toEqual({});
  });
});
