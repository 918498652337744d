import { z } from '@hono/zod-openapi';
import { Address, ChainIdString, Id, Timestamp } from '../../lib/schemas.ts';

/** Base64 XDR envelopes: up to 100 operations and 20 signatures fit well under 32 KiB. */
const Xdr = z.string().min(1).max(32_768).openapi({ description: 'Base64 TransactionEnvelope XDR', example: 'AAAAAgAAAAB…' });

export const TrustlineTransactionRequestSchema = z
  .strictObject({ investorId: Id('inv_0193…'), chain: ChainIdString, address: Address })
  .openapi('StellarTrustlineTransactionRequest');

export const TrustlineTransactionSchema = z
  .object({
    chain: z.string(),
    address: z.string(),
    walletId: z.string(),
    xdr: Xdr,
    hash: z.string().openapi({ description: 'Hash of the inner transaction (hex)' }),
    sponsor: z.string().openapi({ description: 'Account that pays the trustline reserve' }),
    networkPassphrase: z.string(),
    validUntil: Timestamp,
  })
  .openapi('StellarTrustlineTransaction');

export const FeeBumpRequestSchema = z.strictObject({ chain: ChainIdString, xdr: Xdr }).openapi('StellarFeeBumpRequest');

export const FeeBumpSchema = z
  .object({
    chain: z.string(),
    hash: z.string().openapi({ description: 'Hash of the fee-bump envelope (hex), as Horizon indexes it' }),
    innerHash: z.string(),
    source: z.string().openapi({ description: 'The investor account (inner transaction source)' }),
    feeAccount: z.string(),
    ledger: z.number().int(),
  })
  .openapi('StellarFeeBump');
