import { z } from '@hono/zod-openapi';
import { INVESTOR_TYPES, formatUnits, policyFromJson, policyToJson, type PolicyJson } from '@fiscus/core';
import { fundListItem, type FundListItem, type FundRow } from '@fiscus/ledger';
import { parseFundUnits } from '../../lib/lookups.ts';
import { Jurisdiction, Timestamp, Units, UnitsOrZero } from '../../lib/schemas.ts';
import { NavGuardsPatch, NavText } from '../nav/nav.schemas.ts';

/**
 * The policy as the API speaks it: holdings in FUND units (like every amount in the API).
 * Core stores them in base units; the conversion below is exact (parseUnits never rounds).
 */
export const PolicySchema = z
  .strictObject({
    allowedJurisdictions: z
      .array(Jurisdiction)
      .max(300)
      .optional()
      .openapi({ example: ['US', 'DE'] }),
    blockedJurisdictions: z.array(Jurisdiction).max(300).optional(),
    allowedInvestorTypes: z
      .array(
        z
          .string()
          .max(64)
          .openapi({ enum: [...INVESTOR_TYPES] }),
      )
      .max(20)
      .optional()
      .openapi({ example: ['institutional'] }),
    kycRequired: z.boolean().optional(),
    // The same bounds core's policy schema enforces, stated here so the document carries them.
    maxHolders: z.int().min(1).max(1_000_000_000).optional(),
    minHolding: UnitsOrZero.optional(),
    maxHolding: UnitsOrZero.optional(),
    lockupSeconds: z
      .int()
      .min(0)
      .max(100 * 365 * 86_400)
      .optional(),
  })
  .openapi('Policy', { description: 'minHolding ≤ maxHolding when both are given (checked by the server; JSON Schema cannot compare two fields).' });
export type PolicyIn = z.infer<typeof PolicySchema>;

export const FundSchema = z
  .object({
    id: z.string().openapi({ example: 'fund_0193…' }),
    name: z.string(),
    symbol: z.string(),
    decimals: z.int(),
    policy: PolicySchema,
    mintApprovalThreshold: z.string().nullable(),
    stellarSep8: z.boolean().openapi({
      description:
        'Stellar deployments of this fund are SEP-8 regulated assets: every investor transfer is approved by the approval server (see stellar.toml).',
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('Fund');

export const CreateFundSchema = z
  .strictObject({
    name: z.string().min(1).max(100).openapi({ example: 'Fiscus Treasury Fund', pattern: '\\S', description: 'Not blank (it is trimmed)' }),
    symbol: z
      .string()
      .regex(/^[A-Z0-9]{1,12}$/, '1..12 characters A-Z 0-9 (Stellar asset codes allow no more)')
      .openapi({ example: 'FTF' }),
    decimals: z.int().min(0).max(7).optional().openapi({ example: 6 }),
    policy: PolicySchema.optional(),
    mintApprovalThreshold: Units.nullable().optional(),
    stellarSep8: z
      .boolean()
      .optional()
      .openapi({
        description:
          'Default true: the fund’s Stellar deployments are SEP-8 regulated assets. Investor trustlines rest authorized-to-maintain-liabilities (they can neither send nor receive on their own); ' +
          'every transfer goes through the approval server advertised in stellar.toml, which applies the fund policy across chains and wraps the payment in the issuer’s authorize / deauthorize operations. ' +
          'false: trustlines are fully authorized and holders pay each other directly (the policy is then checked only when units arrive from the platform). Fixed once the fund is deployed on Stellar.',
      }),
    /** Initial NAV (USD per unit, default 1.000000) and its publishing guards (routes/nav). */
    nav: NavText.optional(),
    navGuards: NavGuardsPatch.optional(),
  })
  .openapi('CreateFund');

/** API policy (fund units) → core PolicyJson (base-unit strings), unvalidated beyond units. */
export function toPolicyJson(p: PolicyIn, decimals: number): Record<string, unknown> {
  const { minHolding, maxHolding, ...rest } = p;
  const out: Record<string, unknown> = { ...rest };
  if (minHolding !== undefined) out.minHolding = parseFundUnits('policy.minHolding', minHolding, decimals, { allowZero: true }).toString();
  if (maxHolding !== undefined) out.maxHolding = parseFundUnits('policy.maxHolding', maxHolding, decimals, { allowZero: true }).toString();
  return out;
}

/** Validated by core, stored in its canonical JSON. */
export const canonicalPolicy = (p: PolicyIn, decimals: number): PolicyJson => policyToJson(policyFromJson(toPolicyJson(p, decimals)));

/**
 * Presented policies by their stored JSON text: funds mostly share a handful of policies, and the
 * validating parse below is the largest cost of a page of funds (`BENCH=http`). Bounded; frozen,
 * since one object is handed to many responses.
 */
const presented = new Map<string, Readonly<PolicyIn>>();
const PRESENTED_MAX = 1_000;

export function presentPolicy(storedJson: string, decimals: number): PolicyIn {
  const key = `${decimals}:${storedJson}`;
  const hit = presented.get(key);
  if (hit) return hit;
  const out = deepFreeze(presentPolicyNow(JSON.parse(storedJson), decimals));
  if (presented.size >= PRESENTED_MAX) presented.clear();
  presented.set(key, out);
  return out;
}

const deepFreeze = <T>(x: T): T => {
  if (x && typeof x === 'object') for (const v of Object.values(x)) deepFreeze(v);
  return Object.freeze(x);
};

function presentPolicyNow(stored: unknown, decimals: number): PolicyIn {
  const json = policyToJson(policyFromJson(stored));
  const { minHolding, maxHolding, ...rest } = json;
  const out: PolicyIn = { ...rest };
  if (minHolding !== undefined) out.minHolding = formatUnits(BigInt(minHolding), decimals);
  if (maxHolding !== undefined) out.maxHolding = formatUnits(BigInt(maxHolding), decimals);
  return out;
}

export const presentFund = (f: FundRow): z.infer<typeof FundSchema> => presentFundItem(fundListItem(f));

/** A page of funds is presented from list items as they come from the database (listFunds). */
export function presentFundItem(f: FundListItem): z.infer<typeof FundSchema> {
  return {
    id: f.id,
    name: f.name,
    symbol: f.symbol,
    decimals: f.decimals,
    policy: presentPolicy(f.policyJson, f.decimals),
    stellarSep8: f.stellarSep8,
    mintApprovalThreshold: f.mintApprovalThreshold === null ? null : formatUnits(f.mintApprovalThreshold, f.decimals),
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
  };
}
