import { describe, expect, it } from 'vitest';
import { FiscusError } from '@fiscus/core';
import { parseEvmError } from './errors.ts';

const revert = (reason: string) => Object.assign(new Error(`execution reverted: "${reason}"`), { code: 'CALL_EXCEPTION', reason });

describe('parseEvmError', () => {
  it.each([
    ['Transfer not possible', 'POLICY_DENIED'],
    ['Compliance not followed', 'POLICY_DENIED'],
    ['Identity is not verified.', 'NOT_AUTHORIZED_ON_CHAIN'],
    ['wallet is frozen', 'FROZEN'],
    ['Pausable: paused', 'PAUSED'],
    ['cannot burn more than balance', 'INSUFFICIENT_BALANCE'],
    ['Insufficient Balance', 'INSUFFICIENT_BALANCE'],
    ['Amount exceeds available balance', 'INSUFFICIENT_BALANCE'],
    ['AgentRole: caller does not have the Agent role', 'FORBIDDEN'],
    ['invalid claim', 'NOT_AUTHORIZED_ON_CHAIN'],
    ['something new', 'TX_FAILED'],
  ])('revert "%s" → %s', (reason, code) => {
    const e = parseEvmError(revert(reason));
    expect(e).toBeInstanceOf(FiscusError);
    expect(e.code).toBe(code);
  });

  it('maps node and transport failures', () => {
    expect(parseEvmError(new Error('nonce too low: next nonce 5, tx nonce 3')).code).toBe('NONCE_CONFLICT');
    expect(parseEvmError(new Error('insufficient funds for gas * price + value')).code).toBe('TX_REJECTED');
    expect(parseEvmError(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } })).code).toBe('CHAIN_UNAVAILABLE');
  });

  it('passes FiscusErrors through and maps anything else to INTERNAL', () => {
    const known = new FiscusError('FROZEN', 'x');
    expect(parseEvmError(known)).toBe(known);
    for (const weird of [undefined, 42, { odd: true }, 'text']) expect(parseEvmError(weird)).toBeInstanceOf(FiscusError);
    expect(parseEvmError('text').code).toBe('INTERNAL');
  });
});
