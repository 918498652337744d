import { z } from 'zod';
import { normalizeJurisdiction } from './jurisdiction.ts';

export const INVESTOR_TYPES = ['individual', 'accredited', 'qualified_purchaser', 'institutional', 'professional'] as const;
export type InvestorType = (typeof INVESTOR_TYPES)[number];

/** Only `verified` passes a policy with kycRequired; `revoked` is a verification withdrawn later. */
export const KYC_STATUSES = ['pending', 'verified', 'rejected', 'revoked'] as const;
export type KycStatus = (typeof KYC_STATUSES)[number];

export interface Investor {
  id: string;
  legalName: string;
  /** ISO 3166-1 alpha-2, upper case. */
  jurisdiction: string;
  /** ISO 3166-1 numeric of `jurisdiction` (mirrored into T-REX IdentityRegistry). */
  jurisdictionNumeric: number;
  investorType: InvestorType;
  kycStatus: KycStatus;
  kycExpiresAt?: Date | null;
}

const jurisdiction = z.string().transform((v, ctx) => {
  try {
    return normalizeJurisdiction(v);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
    return z.NEVER;
  }
});

/**
 * What a caller supplies to onboard an investor; the numeric jurisdiction is derived, never
 * trusted from input, so the two codes cannot disagree.
 */
export const InvestorInput = z
  .strictObject({
    id: z.string().min(1).max(64),
    legalName: z.string().trim().min(1).max(200),
    jurisdiction,
    investorType: z.enum(INVESTOR_TYPES),
    kycStatus: z.enum(KYC_STATUSES).default('pending'),
    kycExpiresAt: z.union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))]).nullish(),
  })
  .transform(
    ({ jurisdiction: j, ...rest }): Investor => ({
      ...rest,
      jurisdiction: j.alpha2,
      jurisdictionNumeric: j.numeric,
    }),
  );
export type InvestorInput = z.input<typeof InvestorInput>;
