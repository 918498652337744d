import { describe, expect, it } from 'vitest';
import { FiscusError } from '@fiscus/core';
import { isTransportError, parseEvmError } from './errors.ts';

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

  it('a node refusal quoting raw transaction hex with "503" in it is the refusal, not a transport failure', () => {
    const quoted = (message: string) =>
      new Error(
        `could not coalesce error (error={ "code": -32003, "message": "${message}" }, payload={ "method": "eth_sendRawTransaction", "params": [ "0x02f8b4827a690185022b1c8c1685024503af3b" ] }, code=UNKNOWN_ERROR)`,
      );
    expect(isTransportError(quoted('max fee per gas less than block base fee'))).toBe(false);
    expect(parseEvmError(quoted('max fee per gas less than block base fee')).code).toBe('FEE_TOO_LOW');
    expect(parseEvmError(quoted('intrinsic gas too high -- tx.gas_limit > env.block.gas_limit')).code).toBe('TX_REJECTED');
    expect(parseEvmError(new Error('server response 503 Service Unavailable')).code).toBe('CHAIN_UNAVAILABLE');
  });

  it('passes FiscusErrors through and maps anything else to INTERNAL', () => {
    const known = new FiscusError('FROZEN', 'x');
    expect(parseEvmError(known)).toBe(known);
    for (const weird of [undefined, 42, { odd: true }, 'text']) expect(parseEvmError(weird)).toBeInstanceOf(FiscusError);
    expect(parseEvmError('text').code).toBe('INTERNAL');
  });
});
