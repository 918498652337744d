import { FiscusError, isFiscusError, type ErrorCode } from '@fiscus/core';
import { parseSettlementRevert } from './settlement/errors.ts';

/** Revert reasons of T-REX v4.1.6 / ONCHAINID / our contracts, mapped to core codes. */
const REVERTS: [RegExp, ErrorCode, string][] = [
  // Circle FiatToken (and our devnet FiscusUSDC, which reverts with the same messages).
  [/Blacklistable: account is blacklisted/i, 'STABLECOIN_BLACKLISTED', "an address of the transfer is blacklisted by the stablecoin's issuer"],
  [/ERC20: transfer amount exceeds (balance|allowance)/i, 'INSUFFICIENT_BALANCE', 'not enough stablecoin (balance or allowance)'],
  [/Transfer not possible/i, 'POLICY_DENIED', 'the token refused the transfer: receiver not verified or a compliance module said no'],
  [/Compliance not followed/i, 'POLICY_DENIED', 'a compliance module refused the mint'],
  [/Identity is not verified/i, 'NOT_AUTHORIZED_ON_CHAIN', 'the receiver is not a verified identity on this token'],
  [/wallet is frozen/i, 'FROZEN', 'the wallet is frozen'],
  [/Pausable: paused/i, 'PAUSED', 'the token is paused'],
  [/Pausable: not paused/i, 'CONFLICT', 'the token is not paused'],
  [
    /cannot burn more than balance|sender balance too low|Insufficient Balance|Amount exceeds available balance|less than or equal to frozen tokens|no tokens to recover/i,
    'INSUFFICIENT_BALANCE',
    'not enough units',
  ],
  [/caller does not have the Agent role|caller is not the owner|Ownable: caller|Permissions:/i, 'FORBIDDEN', 'the platform key lacks the role this call needs'],
  [/invalid claim/i, 'NOT_AUTHORIZED_ON_CHAIN', 'the KYC claim did not verify against the trusted claim issuer'],
  [/token already deployed|already (stored|initialized|bound)|address stored already/i, 'CONFLICT', 'already done on chain'],
  [/identity does not exist|address not stored|Recovery not possible|lost wallet has no identity/i, 'NOT_FOUND', 'no such identity on chain'],
];

/**
 * Node / transport failures that say nothing about the transaction itself. HTTP statuses only as
 * whole words: ethers quotes the request's raw transaction hex, where "503" is just digits.
 */
const TRANSPORT = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up|fetch failed|network|timeout|SERVER_ERROR|\b50[23]\b/i;

/** The most specific text an ethers v6 / JSON-RPC error carries (revert reason, node message). */
export function errorText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (!e || typeof e !== 'object') return String(e);
  const x = e as Record<string, any>;
  return [x.reason, x.revert?.args?.[0], x.info?.error?.message, x.error?.message, x.shortMessage, x.message]
    .filter((s) => typeof s === 'string' && s.length > 0)
    .join(' | ');
}

/** Maps anything an EVM call can throw to a FiscusError with a stable code. */
export function parseEvmError(e: unknown): FiscusError {
  if (isFiscusError(e)) return e;
  const settlement = parseSettlementRevert(e);
  if (settlement) return settlement;
  const text = errorText(e);
  for (const [re, code, why] of REVERTS) {
    if (re.test(text)) return new FiscusError(code, why, { details: text, meta: { revert: re.exec(text)?.[0] }, cause: e });
  }
  if (/nonce too low|nonce has already been used|NONCE_EXPIRED/i.test(text)) {
    return new FiscusError('NONCE_CONFLICT', 'nonce already used by another transaction', { details: text, cause: e });
  }
  // Refused whatever the fee: the transaction's gas limit cannot fit a block of this chain.
  if (/intrinsic gas too (high|low)|exceeds block gas limit/i.test(text)) {
    return new FiscusError('TX_REJECTED', 'the node refuses the transaction’s gas limit', { details: text, cause: e });
  }
  // The bid is below what the node or the next block takes: outbid at the same nonce.
  if (
    /fee cap less than block base fee|max fee per gas less than block base fee|transaction underpriced|feecap too low|gas price too low|underpriced/i.test(text)
  ) {
    return new FiscusError('FEE_TOO_LOW', 'the transaction fee is below what the node accepts', { details: text, cause: e });
  }
  if (/insufficient funds/i.test(text)) return new FiscusError('TX_REJECTED', 'the signer cannot pay for gas', { details: text, cause: e });
  if (TRANSPORT.test(text)) return new FiscusError('CHAIN_UNAVAILABLE', 'EVM node unreachable', { details: text, cause: e });
  if (/revert|CALL_EXCEPTION/i.test(text)) return new FiscusError('TX_FAILED', 'transaction reverted', { details: text, cause: e });
  return new FiscusError('INTERNAL', text.split('\n')[0]?.slice(0, 200) || 'unknown EVM error', { cause: e });
}

export const isTransportError = (e: unknown) => TRANSPORT.test(errorText(e)) && !/revert/i.test(errorText(e));
