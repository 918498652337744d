import { z } from 'zod';
import { FiscusError } from '../errors.ts';
import { INVESTOR_TYPES } from '../investor.ts';
import { normalizeJurisdiction } from '../jurisdiction.ts';
import { INT64_MAX } from '../units.ts';
import type { Policy } from './types.ts';

/** JSON form of a Policy (API bodies, the funds.policy jsonb column): units as base-unit decimal strings. */
export interface PolicyJson {
  allowedJurisdictions?: string[];
  blockedJurisdictions: string[];
  allowedInvestorTypes?: string[];
  kycRequired: boolean;
  maxHolders?: number;
  minHolding?: string;
  maxHolding?: string;
  lockupSeconds?: number;
}

const jurisdictions = z
  .array(
    z.string().transform((v, ctx) => {
      try {
        return normalizeJurisdiction(v).alpha2;
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as FiscusError).shortMessage });
        return z.NEVER;
      }
    }),
  )
  .transform((codes) => [...new Set(codes)].sort());

/** Strings only: a JSON number loses precision past 2^53, so units never travel as numbers. */
const baseUnits = z
  .string()
  .regex(/^(0|[1-9]\d{0,18})$/, 'base units as a decimal string of digits, e.g. "1000000"')
  .transform((s) => BigInt(s))
  .refine((v) => v <= INT64_MAX, 'base units above int64 cannot exist on any chain');

/** Strict: an unknown key is usually a misspelt rule, and silently ignoring it would loosen the policy. */
export const PolicySchema = z
  .strictObject({
    allowedJurisdictions: jurisdictions.optional(),
    blockedJurisdictions: jurisdictions.default([]),
    allowedInvestorTypes: z
      .array(z.enum(INVESTOR_TYPES))
      .transform((t) => [...new Set(t)])
      .optional(),
    kycRequired: z.boolean().default(true),
    maxHolders: z.int().min(1).max(1_000_000_000).optional(),
    minHolding: baseUnits.optional(),
    maxHolding: baseUnits.optional(),
    lockupSeconds: z
      .int()
      .min(0)
      .max(100 * 365 * 86_400)
      .optional(),
  })
  .superRefine((p, ctx) => {
    // Zod 4 runs this even after a field failed, so compare only values that parsed.
    if (typeof p.minHolding === 'bigint' && typeof p.maxHolding === 'bigint' && p.minHolding > p.maxHolding) {
      ctx.addIssue({ code: 'custom', path: ['minHolding'], message: `minHolding ${p.minHolding} > maxHolding ${p.maxHolding}` });
    }
  });

export function policyToJson(p: Policy): PolicyJson {
  const json: PolicyJson = { blockedJurisdictions: [...p.blockedJurisdictions], kycRequired: p.kycRequired };
  if (p.allowedJurisdictions !== undefined) json.allowedJurisdictions = [...p.allowedJurisdictions];
  if (p.allowedInvestorTypes !== undefined) json.allowedInvestorTypes = [...p.allowedInvestorTypes];
  if (p.maxHolders !== undefined) json.maxHolders = p.maxHolders;
  if (p.minHolding !== undefined) json.minHolding = p.minHolding.toString();
  if (p.maxHolding !== undefined) json.maxHolding = p.maxHolding.toString();
  if (p.lockupSeconds !== undefined) json.lockupSeconds = p.lockupSeconds;
  return json;
}

export function policyFromJson(json: unknown): Policy {
  const parsed = PolicySchema.safeParse(json);
  if (!parsed.success) throw validationError('policy', parsed.error);
  const out: Policy = { blockedJurisdictions: parsed.data.blockedJurisdictions, kycRequired: parsed.data.kycRequired };
  // Copy only present keys so policyToJson(policyFromJson(x)) has no `undefined` members.
  for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  return out;
}

/** Zod issues → one FiscusError whose details name every failing path. */
export function validationError(what: string, error: z.ZodError): FiscusError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return new FiscusError('VALIDATION_FAILED', `invalid ${what}`, {
    details: issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; '),
    meta: { issues },
  });
}
