import { z } from '@hono/zod-openapi';
import { FiscusError, formatUsd, isFiscusError, parseUsd } from '@fiscus/core';
import type { CashMovementRow, LotRow } from '@fiscus/engine';
import { decimalPattern, iso } from '../../lib/schemas.ts';

/** USD amounts travel as decimal strings of dollars (at most 6 decimals = micro-dollars). */
export const UsdText = z
  .string()
  .min(1)
  .max(32)
  .openapi({ example: '99875.50', pattern: decimalPattern(6, false), description: 'USD as a decimal string, at most 6 decimals' });
/** USD where zero is refused (prices, payments, limits). */
export const PositiveUsd = z
  .string()
  .min(1)
  .max(32)
  .openapi({
    example: '99875.50',
    pattern: decimalPattern(6, true),
    description: 'Positive USD as a decimal string, at most 6 decimals, at most 9223372036854.775807',
  });
const IsoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD')
  .openapi({ example: '2026-03-19', format: 'date' });
/** CUSIP: 8 characters and a check digit (the server verifies the digit; JSON Schema cannot). */
const Cusip = z.string().min(9).max(9).openapi({
  example: '912797GK7',
  pattern: '^[0-9A-Za-z*@#]{8}[0-9]$',
  description: '8 characters [0-9A-Z*@#] (either case) and the modulus-10 "double add double" check digit',
});
/** Account names (the part after `cash:` / `custody:`). */
export const AccountName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,62}$/, 'lower-case letters, digits, _ . -')
  .openapi({ example: 'operating' });

/** Parses USD; the error names the field. */
export function parseUsdField(field: string, text: string, opts: { allowZero?: boolean } = {}): bigint {
  try {
    return parseUsd(text, opts);
  } catch (e) {
    if (isFiscusError(e)) throw new FiscusError(e.code, `${field}: ${e.shortMessage}`, { details: e.details, meta: { ...e.meta, field } });
    throw e;
  }
}

export const LotInput = z
  .strictObject({
    cusip: Cusip,
    custodian: AccountName.openapi({ example: 'bny' }),
    faceValue: PositiveUsd,
    purchasePrice: PositiveUsd.openapi({ description: 'Total price paid for the lot (positive USD, at most 6 decimals)' }),
    settlementDate: IsoDate,
    maturityDate: IsoDate.openapi({ description: 'Strictly after settlementDate (checked by the server; JSON Schema cannot compare two fields)' }),
    cashAccount: AccountName.default('operating').openapi({ description: 'Paid from cash:<cashAccount>' }),
  })
  .openapi('LotInput');

export const LotSchema = z
  .object({
    id: z.string(),
    cusip: z.string(),
    custodian: z.string(),
    faceValue: z.string(),
    purchasePrice: z.string(),
    settlementDate: z.string(),
    maturityDate: z.string(),
    cashAccount: z.string(),
    status: z.enum(['held', 'matured']),
    rolledFrom: z.string().nullable(),
    rolledInto: z.string().nullable(),
    maturedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('CustodyLot');

export const presentLot = (l: LotRow) => ({
  id: l.id,
  cusip: l.cusip,
  custodian: l.custodian,
  faceValue: formatUsd(l.faceValue),
  purchasePrice: formatUsd(l.purchasePrice),
  settlementDate: l.settlementDate,
  maturityDate: l.maturityDate,
  cashAccount: l.cashAccount,
  status: l.status as 'held' | 'matured',
  rolledFrom: l.rolledFrom,
  rolledInto: l.rolledInto,
  maturedAt: iso(l.maturedAt),
  createdAt: iso(l.createdAt)!,
});

export const CashMovementSchema = z
  .object({
    id: z.string(),
    account: z.string(),
    direction: z.enum(['deposit', 'withdrawal']),
    amount: z.string(),
    reference: z.string(),
    counterparty: z.string(),
    createdAt: z.string(),
  })
  .openapi('CashMovement');

export const presentMovement = (m: CashMovementRow) => ({
  id: m.id,
  account: m.account,
  direction: m.direction as 'deposit' | 'withdrawal',
  amount: formatUsd(m.amount),
  reference: m.reference,
  counterparty: m.counterparty,
  createdAt: iso(m.createdAt)!,
});

export const balanceList = (m: Map<string, bigint>) => [...m].map(([account, balance]) => ({ account, balance: formatUsd(balance) }));
export const BalanceSchema = z.object({ account: z.string().openapi({ example: 'cash:operating' }), balance: z.string() }).openapi('UsdBalance');
