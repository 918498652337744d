import { describe, expect, it } from 'vitest';
import { formatApiKey, generateApiKey, hashSecret, parseApiKey, secretMatches } from './keys.ts';

describe('API keys', () => {
  it('round-trips generated keys and never stores the secret', () => {
    const k = generateApiKey();
    expect(parseApiKey(k.token)).toEqual({ id: k.id, secret: k.secret });
    expect(formatApiKey(k)).toBe(k.token);
    expect(hashSecret(k.secret)).not.toContain(k.secret);
    expect(secretMatches(k.secret, hashSecret(k.secret))).toBe(true);
    expect(secretMatches(`${k.secret}x`, hashSecret(k.secret))).toBe(false);
  });

  it('accepts any fsk_<id>_<secret> with an id that contains underscores', () => {
    expect(parseApiKey('fsk_my_admin_0123456789abcdefXYZ')).toEqual({ id: 'my_admin', secret: '0123456789abcdefXYZ' });
  });

  it.each(['', 'fsk_', 'fsk_id', 'fsk__0123456789abcdef', 'fsk_id_short', 'sk_id_0123456789abcdef', 'fsk_id_0123456789abcdef!', 'fsk_i d_0123456789abcdef'])(
    'rejects %j',
    (token) => expect(parseApiKey(token)).toBeUndefined(),
  );

  it('compares against malformed stored hashes without throwing', () => {
    expect(secretMatches('0123456789abcdef', 'not-hex')).toBe(false);
  });
});
