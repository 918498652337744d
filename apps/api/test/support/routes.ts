import { devValidator } from '@fiscus/devnet';
import { CHAIN } from './harness.ts';
import type { World } from './seed.ts';

/** Field kinds drive the bad-input matrix: each kind has its own list of bad values. */
export type FieldKind =
  | 'units'
  | 'nullableUnits'
  | 'unitsOrZero'
  | 'address'
  | 'investorId'
  | 'chain'
  | 'string'
  | 'int'
  | 'bool'
  | 'kyc'
  | 'datetime'
  | 'role'
  | 'usd'
  | 'date';

export interface MutatingRoute {
  name: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path(w: World): string;
  /** Same route with an unknown id in the path (404), if it has one. */
  unknownPath?(w: World): string;
  /** A body that passes validation (it may still be refused by business rules). */
  valid?(w: World): Record<string, unknown>;
  fields?: Record<string, { kind: FieldKind; required: boolean }>;
}

const holder = (w: World) => ({ investorId: w.investorId, chain: CHAIN, address: w.address, units: '1' });
const holderFields = {
  investorId: { kind: 'investorId', required: true },
  chain: { kind: 'chain', required: true },
  address: { kind: 'address', required: true },
  units: { kind: 'units', required: true },
} as const;

export const MUTATING_ROUTES: MutatingRoute[] = [
  {
    name: 'create fund',
    method: 'POST',
    path: () => '/v1/funds',
    valid: () => ({ name: 'F', symbol: 'F1', decimals: 6, mintApprovalThreshold: '10' }),
    fields: {
      name: { kind: 'string', required: true },
      symbol: { kind: 'string', required: true },
      decimals: { kind: 'int', required: false },
      mintApprovalThreshold: { kind: 'nullableUnits', required: false },
    },
  },
  {
    name: 'update policy',
    method: 'PUT',
    path: (w) => `/v1/funds/${w.fundId}/policy`,
    unknownPath: () => '/v1/funds/fund_unknown/policy',
    valid: () => ({ kycRequired: true, maxHolding: '100000', minHolding: '0', maxHolders: 100 }),
    fields: {
      kycRequired: { kind: 'bool', required: false },
      maxHolding: { kind: 'unitsOrZero', required: false },
      minHolding: { kind: 'unitsOrZero', required: false },
      maxHolders: { kind: 'int', required: false },
    },
  },
  {
    name: 'deploy',
    method: 'POST',
    path: (w) => `/v1/funds/${w.fundId}/deployments`,
    unknownPath: () => '/v1/funds/fund_unknown/deployments',
    valid: () => ({ chain: CHAIN }),
    fields: { chain: { kind: 'chain', required: true } },
  },
  {
    name: 'create investor',
    method: 'POST',
    path: () => '/v1/investors',
    valid: () => ({ legalName: 'X', jurisdiction: 'US', investorType: 'individual', kycStatus: 'pending', kycExpiresAt: '2030-01-01T00:00:00Z' }),
    fields: {
      legalName: { kind: 'string', required: true },
      jurisdiction: { kind: 'string', required: true },
      investorType: { kind: 'kyc', required: true },
      kycStatus: { kind: 'kyc', required: false },
      kycExpiresAt: { kind: 'datetime', required: false },
    },
  },
  {
    name: 'update kyc',
    method: 'PATCH',
    path: (w) => `/v1/investors/${w.investorId}/kyc`,
    unknownPath: () => '/v1/investors/inv_unknown/kyc',
    valid: () => ({ kycStatus: 'verified', kycExpiresAt: null }),
    fields: { kycStatus: { kind: 'kyc', required: true }, kycExpiresAt: { kind: 'datetime', required: true } },
  },
  {
    name: 'register wallet',
    method: 'POST',
    path: (w) => `/v1/funds/${w.fundId}/wallets`,
    unknownPath: () => '/v1/funds/fund_unknown/wallets',
    valid: (w) => ({ investorId: w.investorId, chain: CHAIN, address: w.address }),
    fields: { investorId: holderFields.investorId, chain: holderFields.chain, address: holderFields.address },
  },
  {
    name: 'subscribe',
    method: 'POST',
    path: (w) => `/v1/funds/${w.fundId}/subscriptions`,
    unknownPath: () => '/v1/funds/fund_unknown/subscriptions',
    valid: holder,
    fields: holderFields,
  },
  {
    name: 'redeem',
    method: 'POST',
    path: (w) => `/v1/funds/${w.fundId}/redemptions`,
    unknownPath: () => '/v1/funds/fund_unknown/redemptions',
    valid: holder,
    fields: holderFields,
  },
  ...(['freezes', 'unfreezes'] as const).map(
    (p): MutatingRoute => ({
      name: p,
      method: 'POST',
      path: (w) => `/v1/funds/${w.fundId}/${p}`,
      unknownPath: () => `/v1/funds/fund_unknown/${p}`,
      valid: (w) => ({ chain: CHAIN, address: w.address, units: '1' }),
      fields: { chain: holderFields.chain, address: holderFields.address, units: { kind: 'units', required: false } },
    }),
  ),
  {
    name: 'forced transfer',
    method: 'POST',
    path: (w) => `/v1/funds/${w.fundId}/forced-transfers`,
    unknownPath: () => '/v1/funds/fund_unknown/forced-transfers',
    valid: (w) => ({ chain: CHAIN, from: w.address, to: w.otherAddress, units: '1' }),
    fields: { chain: holderFields.chain, from: holderFields.address, to: holderFields.address, units: holderFields.units },
  },
  {
    name: 'recovery',
    method: 'POST',
    path: (w) => `/v1/funds/${w.fundId}/recoveries`,
    unknownPath: () => '/v1/funds/fund_unknown/recoveries',
    valid: (w) => ({ chain: CHAIN, from: w.address, to: w.otherAddress }),
    fields: { chain: holderFields.chain, from: holderFields.address, to: holderFields.address },
  },
  {
    name: 'stellar trustline transaction',
    method: 'POST',
    path: (w) => `/v1/funds/${w.fundId}/stellar/trustline-transactions`,
    unknownPath: () => '/v1/funds/fund_unknown/stellar/trustline-transactions',
    valid: (w) => ({ investorId: w.investorId, chain: CHAIN, address: w.address }),
    fields: { investorId: holderFields.investorId, chain: holderFields.chain, address: holderFields.address },
  },
  {
    name: 'stellar fee bump',
    method: 'POST',
    path: (w) => `/v1/funds/${w.fundId}/stellar/fee-bumps`,
    unknownPath: () => '/v1/funds/fund_unknown/stellar/fee-bumps',
    valid: () => ({ chain: CHAIN, xdr: 'AAAAAgAAAAA=' }),
    fields: { chain: holderFields.chain, xdr: { kind: 'string', required: true } },
  },
  {
    name: 'custody lot purchase',
    method: 'POST',
    path: (w) => `/v1/funds/${w.fundId}/custody/lots`,
    unknownPath: () => '/v1/funds/fund_unknown/custody/lots',
    valid: () => ({ cusip: '037833100', custodian: 'bny', faceValue: '1000', purchasePrice: '990', settlementDate: '2026-01-02', maturityDate: '2026-04-02' }),
    fields: {
      cusip: { kind: 'string', required: true },
      custodian: { kind: 'string', required: true },
      faceValue: { kind: 'usd', required: true },
      purchasePrice: { kind: 'usd', required: true },
      settlementDate: { kind: 'date', required: true },
      maturityDate: { kind: 'date', required: true },
    },
  },
  {
    name: 'cash movement',
    method: 'POST',
    path: (w) => `/v1/funds/${w.fundId}/cash/movements`,
    unknownPath: () => '/v1/funds/fund_unknown/cash/movements',
    valid: () => ({ account: 'operating', direction: 'withdrawal', amount: '1', reference: 'bad-input-1' }),
    fields: { account: { kind: 'string', required: true }, amount: { kind: 'usd', required: true }, reference: { kind: 'string', required: true } },
  },
  {
    name: 'redemption rules',
    method: 'PUT',
    path: (w) => `/v1/funds/${w.fundId}/redemption-rules`,
    unknownPath: () => '/v1/funds/fund_unknown/redemption-rules',
    valid: () => ({ minRedemptionUsd: '0', dailyLiquidityUsd: null, payoutAccount: 'subscriptions' }),
    fields: { payoutAccount: { kind: 'string', required: true } },
  },
  { name: 'accept redemption', method: 'POST', path: (w) => `/v1/funds/${w.fundId}/redemptions/red_unknown/accept` },
  {
    name: 'confirm payout',
    method: 'POST',
    path: (w) => `/v1/funds/${w.fundId}/redemptions/red_unknown/payouts/pay_unknown/confirm`,
    unknownPath: () => '/v1/funds/fund_unknown/redemptions/red_unknown/payouts/pay_unknown/confirm',
    valid: () => ({ reference: 'FED-1' }),
    fields: { reference: { kind: 'string', required: true } },
  },
  { name: 'approve', method: 'POST', path: () => '/v1/operations/op_unknown/approve' },
  {
    name: 'reconcile',
    method: 'POST',
    path: (w) => `/v1/funds/${w.fundId}/reconciliations`,
    unknownPath: () => '/v1/funds/fund_unknown/reconciliations',
    valid: () => ({ chain: CHAIN }),
    fields: { chain: { kind: 'chain', required: false } },
  },
  {
    name: 'create api key',
    method: 'POST',
    path: () => '/v1/api-keys',
    valid: (w) => ({ role: 'investor', investorId: w.investorId, label: 'x' }),
    fields: { role: { kind: 'role', required: true }, investorId: { kind: 'investorId', required: false }, label: { kind: 'string', required: false } },
  },
  { name: 'revoke api key', method: 'DELETE', path: () => '/v1/api-keys/key_unknown' },
  {
    name: 'publish nav',
    method: 'POST',
    path: (w) => `/v1/funds/${w.fundId}/nav`,
    unknownPath: () => '/v1/funds/fund_unknown/nav',
    valid: () => ({ nav: '1.0001', reason: 'accrual' }),
    fields: { nav: { kind: 'string', required: true }, reason: { kind: 'string', required: false } },
  },
  {
    name: 'nav guards',
    method: 'PATCH',
    path: (w) => `/v1/funds/${w.fundId}/nav/guards`,
    unknownPath: () => '/v1/funds/fund_unknown/nav/guards',
    valid: () => ({ maxMoveBps: 100, minIntervalSeconds: 0, enforceReserves: false }),
    fields: {
      maxMoveBps: { kind: 'int', required: false },
      minIntervalSeconds: { kind: 'int', required: false },
      enforceReserves: { kind: 'bool', required: false },
    },
  },
  {
    name: 'provision avalanche l1',
    method: 'POST',
    path: () => '/v1/avalanche/l1s',
    valid: () => ({
      chainName: 'L1',
      chainId: 4242,
      txAllowList: { admins: ['0x1111111111111111111111111111111111111111'] },
      contractDeployerAllowList: { admins: ['0x1111111111111111111111111111111111111111'] },
      contractNativeMinter: { admins: ['0x1111111111111111111111111111111111111111'] },
      validatorManagerAddress: '0x2222222222222222222222222222222222222222',
      // a real BLS proof: the body is valid, so each bad field is what the 400 is about
      validators: [{ ...devValidator('bad-input'), weight: '1', balance: '0' }],
    }),
    fields: {
      chainName: { kind: 'string', required: true },
      chainId: { kind: 'int', required: true },
      validatorManagerAddress: { kind: 'address', required: true },
    },
  },
  // Bodyless: the matrix calls it on an unknown fund (404) whatever the body.
  { name: 'create attestation', method: 'POST', path: () => '/v1/funds/fund_unknown/attestations' },
  {
    name: 'move between chains',
    method: 'POST',
    path: (w) => `/v1/funds/${w.fundId}/moves`,
    unknownPath: () => '/v1/funds/fund_unknown/moves',
    valid: (w) => ({ from: { chain: CHAIN, wallet: w.address }, to: { chain: CHAIN, wallet: w.address }, units: '1' }),
    fields: { from: { kind: 'string', required: true }, to: { kind: 'string', required: true }, units: { kind: 'units', required: true } },
  },
  {
    name: 'move limits',
    method: 'PUT',
    path: (w) => `/v1/funds/${w.fundId}/chains/${CHAIN}/move-limits`,
    unknownPath: () => `/v1/funds/fund_unknown/chains/${CHAIN}/move-limits`,
    valid: () => ({ outboundPer24h: '100', inboundPer24h: null }),
    fields: { outboundPer24h: { kind: 'nullableUnits', required: true }, inboundPer24h: { kind: 'nullableUnits', required: true } },
  },
  { name: 'pause chain moves', method: 'POST', path: () => `/v1/funds/fund_unknown/chains/${CHAIN}/pause` },
  { name: 'unpause chain moves', method: 'POST', path: () => `/v1/funds/fund_unknown/chains/${CHAIN}/unpause` },
  { name: 'clear halt', method: 'POST', path: () => '/v1/funds/fund_unknown/halts/clear' },
];

/** Bad values per kind, each with the status it must get (all 4xx). */
export const BAD_VALUES: Record<FieldKind, [unknown, number][]> = {
  units: [
    ['-1', 400],
    ['0', 400],
    ['1.1234567', 400],
    ['1e3', 400],
    ['99999999999999999999999', 400],
    ['', 400],
    [' 1', 400],
    ['0x10', 400],
    ['1.', 400],
    ['.5', 400],
    [12, 400],
    [null, 400],
    ['1'.repeat(100), 400],
  ],
  nullableUnits: [
    ['-1', 400],
    ['0', 400],
    ['1.1234567', 400],
    ['1e3', 400],
    ['99999999999999999999999', 400],
    ['', 400],
    [12, 400],
  ],
  unitsOrZero: [
    ['-1', 400],
    ['1.1234567', 400],
    ['1e3', 400],
    ['99999999999999999999999', 400],
    ['', 400],
    [12, 400],
  ],
  address: [
    ['nope', 400],
    ['0x123', 400],
    [`0x${'g'.repeat(40)}`, 400],
    ['0x0000000000000000000000000000000000000000', 400],
    ['0x52908400098527886E0F7030069857D2E4169Ee7', 400],
    ['GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 400],
    ['', 400],
    [42, 400],
  ],
  investorId: [
    ['inv_unknown', 404],
    [7, 400],
    ['', 400],
  ],
  chain: [
    ['bogus', 400],
    ['eip155:999999', 422],
    ['', 400],
    [1, 400],
  ],
  string: [
    [5, 400],
    [['a'], 400],
    [{ a: 1 }, 400],
    ['', 400],
  ],
  int: [
    ['6', 400],
    [1.5, 400],
    [-1, 400],
    [1e12, 400],
  ],
  bool: [
    ['yes', 400],
    [1, 400],
  ],
  kyc: [
    ['unknown', 400],
    [1, 400],
  ],
  // Year 0 parses as ISO 8601 but is outside what the database stores.
  datetime: [
    ['tomorrow', 400],
    [123, 400],
    ['0000-01-01T00:00:00Z', 400],
  ],
  role: [
    ['root', 400],
    [1, 400],
  ],
  usd: [
    ['-1', 400],
    ['0', 400],
    ['1.1234567', 400],
    ['1e3', 400],
    ['99999999999999999999999', 400],
    ['', 400],
    [12, 400],
    [null, 400],
  ],
  date: [
    ['tomorrow', 400],
    ['2026-1-1', 400],
    [20260101, 400],
  ],
};
