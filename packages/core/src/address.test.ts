import fc from 'fast-check';
import { base32 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { crc16xmodem, decodeStellarPublicKey, encodeStellarPublicKey, isValidAddress, normalizeAddress, toChecksumAddress } from './address.ts';
import type { ChainId } from './chain-id.ts';
import type { FiscusError } from './errors.ts';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as FiscusError).code;
  }
  return undefined;
};
const ETH: ChainId = 'eip155:1';
const XLM: ChainId = 'stellar:testnet';

// Test vectors from EIP-55.
const EIP55 = [
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  '0x52908400098527886E0F7030069857D2E4169EE7',
  '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
  '0xde709f2102306220921060314715629080e2fb77',
  '0x27b1fdb04752bbc536007a920d24acb045561c26',
];

describe('EVM addresses', () => {
  it.each(EIP55)('%s is valid and normalises to its checksum form', (a) => {
    expect(normalizeAddress(ETH, a)).toBe(toChecksumAddress(a));
    expect(normalizeAddress(ETH, a.toLowerCase())).toBe(toChecksumAddress(a));
    expect(normalizeAddress('memory:local', `0x${a.slice(2).toUpperCase()}`)).toBe(toChecksumAddress(a));
  });
  it('the mixed-case vectors are exactly their own checksum', () => {
    expect(toChecksumAddress('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toBe(EIP55[0]);
    expect(toChecksumAddress('0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359')).toBe(EIP55[1]);
  });
  it('mixed case with a wrong checksum is refused', () => {
    const bad = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD';
    expect(code(() => normalizeAddress(ETH, bad))).toBe('INVALID_ADDRESS');
    expect(isValidAddress(ETH, bad)).toBe(false);
  });
  it.each([
    '0x0000000000000000000000000000000000000000',
    '5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe',
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd',
    '0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg',
    ' 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  ])('refuses %j', (a) => expect(code(() => normalizeAddress(ETH, a))).toBe('INVALID_ADDRESS'));
  it('flipping the case of any one letter of a checksummed address breaks it', () => {
    const a = EIP55[0]!;
    for (let i = 2; i < a.length; i++) {
      const c = a[i]!;
      if (!/[a-fA-F]/.test(c)) continue;
      const flipped = a.slice(0, i) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + a.slice(i + 1);
      expect(isValidAddress(ETH, flipped)).toBe(false);
    }
  });
});

describe('Stellar account ids', () => {
  const KNOWN = 'GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7';
  it('decodes a known account id and re-encodes it identically', () => {
    const key = decodeStellarPublicKey(KNOWN);
    expect(key).toHaveLength(32);
    expect(encodeStellarPublicKey(key)).toBe(KNOWN);
    expect(normalizeAddress(XLM, KNOWN)).toBe(KNOWN);
  });
  it('random keys round-trip; changing any one character is detected', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.nat(55), fc.nat(31), (key, pos, pick) => {
        fc.pre(key.some((b) => b !== 0));
        const g = encodeStellarPublicKey(key);
        if (g.length !== 56 || g[0] !== 'G' || !isValidAddress(XLM, g)) return false;
        if (Buffer.compare(Buffer.from(decodeStellarPublicKey(g)), Buffer.from(key)) !== 0) return false;
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
        const replacement = alphabet.replace(g[pos]!, '')[pick % 31]!;
        return !isValidAddress(XLM, g.slice(0, pos) + replacement + g.slice(pos + 1));
      }),
    );
  });
  it.each([
    ['lower case', KNOWN.toLowerCase()],
    ['truncated', KNOWN.slice(0, 55)],
    ['bad checksum', `${KNOWN.slice(0, 55)}6`],
    ['secret seed', 'SAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['muxed', 'MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVAAAAAAAAAAAAAAJLK'],
    ['contract', 'CA3D5KRYM6CB7OWQ6TWYRR3Z4T7GNZLKERYNZGGA5SOAOPIFY6YQGAXE'],
    ['all-zero key', 'GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHF'],
    ['EVM address', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'],
  ])('refuses %s', (_why, a) => expect(code(() => normalizeAddress(XLM, a))).toBe('INVALID_ADDRESS'));
  it('the all-zero vector is a correctly encoded key, refused on purpose', () => {
    expect(encodeStellarPublicKey(new Uint8Array(32))).toBe('GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHF');
  });
  it('well-formed StrKeys of other kinds (seed, contract, pre-auth) are refused', () => {
    const key = new Uint8Array(32).fill(7);
    // 18<<3 = S… seed, 2<<3 = C… contract, 19<<3 = T… pre-auth tx, and 6<<3|1 still starts with G.
    for (const version of [18 << 3, 2 << 3, 19 << 3, (6 << 3) | 1]) {
      const s = strkey(version, key);
      expect(s).toHaveLength(56);
      expect(isValidAddress(XLM, s)).toBe(false);
    }
    expect(strkey(6 << 3, key)).toBe(encodeStellarPublicKey(key));
  });
});

function strkey(version: number, key: Uint8Array): string {
  const payload = new Uint8Array(35);
  payload[0] = version;
  payload.set(key, 1);
  const crc = crc16xmodem(payload.subarray(0, 33));
  payload[33] = crc & 0xff;
  payload[34] = crc >> 8;
  return base32.encode(payload);
}

describe('chains', () => {
  it('CRC16-XModem matches the standard check value', () => {
    expect(crc16xmodem(new TextEncoder().encode('123456789'))).toBe(0x31c3);
  });
  it('an unknown namespace is INVALID_CHAIN', () => {
    expect(code(() => normalizeAddress('cosmos:hub' as ChainId, 'x'))).toBe('INVALID_CHAIN');
    expect(isValidAddress('cosmos:hub' as ChainId, 'x')).toBe(false);
  });
});
