import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getAddress, Wallet, ZeroAddress, type Interface } from 'ethers';
import { abi } from '../contracts/abi.ts';
import { eip55, toChainEvent, type EvmLog } from './logs.ts';

const at = { block: 7n, index: 3, txHash: `0x${'ab'.repeat(32)}` };
const alice = Wallet.createRandom().address;
const bob = Wallet.createRandom().address;
const identity = Wallet.createRandom().address;

/** A log as the chain would emit it, encoded by ethers' ABI coder (the reference for the hand decoder). */
function logOf(iface: Interface, name: string, args: unknown[]): EvmLog {
  const { data, topics } = iface.encodeEventLog(name, args);
  // RPC answers are lower-case hex.
  return { topics: topics.map((t) => t.toLowerCase()), data: data.toLowerCase(), ...at };
}

describe('toChainEvent (hand decoding of the token and identity registry logs)', () => {
  it('decodes every event the driver reads from logs the ABI coder encoded', () => {
    const cases: [EvmLog, unknown][] = [
      [logOf(abi.token, 'Transfer', [alice, bob, 12_345n]), { kind: 'transfer', from: alice, to: bob, units: 12_345n }],
      [logOf(abi.token, 'Transfer', [ZeroAddress, bob, 2n ** 255n]), { kind: 'transfer', from: null, to: bob, units: 2n ** 255n }],
      [logOf(abi.token, 'Transfer', [alice, ZeroAddress, 1n]), { kind: 'transfer', from: alice, to: null, units: 1n }],
      [logOf(abi.identityRegistry, 'IdentityRegistered', [alice, identity]), { kind: 'authorization', address: alice, authorized: true }],
      [logOf(abi.identityRegistry, 'IdentityRemoved', [bob, identity]), { kind: 'authorization', address: bob, authorized: false }],
      [logOf(abi.token, 'AddressFrozen', [alice, true, bob]), { kind: 'freeze', address: alice, frozen: true }],
      [logOf(abi.token, 'AddressFrozen', [alice, false, bob]), { kind: 'freeze', address: alice, frozen: false }],
      [logOf(abi.token, 'TokensFrozen', [bob, 40n]), { kind: 'freeze', address: bob, frozen: true, units: 40n }],
      [logOf(abi.token, 'TokensUnfrozen', [bob, 40n]), { kind: 'freeze', address: bob, frozen: false, units: 40n }],
    ];
    for (const [log, expected] of cases) {
      expect(toChainEvent(log)).toEqual({ ...(expected as object), ...at });
    }
  });

  it('returns checksummed addresses from lower-case topics', () => {
    const e = toChainEvent(logOf(abi.identityRegistry, 'IdentityRegistered', [alice, identity]));
    expect(e).toMatchObject({ address: getAddress(alice.toLowerCase()) });
  });

  it('passes over logs of other events and malformed logs instead of throwing', () => {
    const transfer = logOf(abi.token, 'Transfer', [alice, bob, 5n]);
    const other = logOf(abi.token, 'Paused', [alice]);
    expect(toChainEvent(other)).toBeUndefined();
    // An ERC-721-style Transfer (tokenId indexed, no data), a short data word, a missing topic.
    expect(toChainEvent({ ...transfer, topics: [...transfer.topics, transfer.topics[1]!], data: '0x' })).toBeUndefined();
    expect(toChainEvent({ ...transfer, data: '0x05' })).toBeUndefined();
    expect(toChainEvent({ ...transfer, topics: transfer.topics.slice(0, 2) })).toBeUndefined();
    expect(toChainEvent({ ...transfer, topics: [] })).toBeUndefined();
    const frozen = logOf(abi.token, 'TokensFrozen', [bob, 1n]);
    expect(toChainEvent({ ...frozen, data: '0x' })).toBeUndefined();
  });
});

describe('eip55', () => {
  it('checksums as ethers getAddress does', () => {
    for (let i = 0; i < 2_000; i++) {
      const lower = `0x${randomBytes(20).toString('hex')}`;
      expect(eip55(lower)).toBe(getAddress(lower));
    }
    // All digits, all letters: nothing or everything to case.
    expect(eip55(`0x${'1'.repeat(40)}`)).toBe(getAddress(`0x${'1'.repeat(40)}`));
    expect(eip55(`0x${'f'.repeat(40)}`)).toBe(getAddress(`0x${'f'.repeat(40)}`));
  });
});
