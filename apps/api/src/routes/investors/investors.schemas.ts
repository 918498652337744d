import { z } from '@hono/zod-openapi';
import { INVESTOR_TYPES, KYC_STATUSES } from '@fiscus/core';
import type { InvestorRow } from '@fiscus/ledger';
import { iso, Jurisdiction, Timestamp } from '../../lib/schemas.ts';
import { OperationSchema } from '../operations/operations.schemas.ts';

const KycExpiry = z.iso.datetime({ offset: true }).nullable().openapi({ example: '2026-12-31T00:00:00Z' });

export const InvestorSchema = z
  .object({
    id: z.string().openapi({ example: 'inv_0193…' }),
    legalName: z.string(),
    jurisdiction: z.string().openapi({ example: 'US', description: 'ISO 3166-1 alpha-2' }),
    jurisdictionNumeric: z.int().openapi({ example: 840 }),
    investorType: z.string(),
    kycStatus: z.string(),
    kycExpiresAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('Investor');

export const CreateInvestorSchema = z
  .strictObject({
    legalName: z.string().min(1).max(200).openapi({ example: 'Acme Capital LLC', pattern: '\\S', description: 'Not blank (it is trimmed)' }),
    jurisdiction: Jurisdiction,
    investorType: z.enum(INVESTOR_TYPES),
    kycStatus: z.enum(KYC_STATUSES).optional(),
    kycExpiresAt: KycExpiry.optional(),
  })
  .openapi('CreateInvestor');

export const UpdateKycSchema = z.strictObject({ kycStatus: z.enum(KYC_STATUSES), kycExpiresAt: KycExpiry }).openapi('UpdateKyc');

export const KycUpdatedSchema = InvestorSchema.extend({
  operations: z.array(OperationSchema).openapi({
    description: 'deauthorize operations requested because the KYC no longer holds (rejected, revoked or expired); empty otherwise',
  }),
}).openapi('KycUpdated');

export function presentInvestor(i: InvestorRow): z.infer<typeof InvestorSchema> {
  return {
    id: i.id,
    legalName: i.legalName,
    jurisdiction: i.jurisdiction,
    jurisdictionNumeric: i.jurisdictionNumeric,
    investorType: i.investorType,
    kycStatus: i.kycStatus,
    kycExpiresAt: iso(i.kycExpiresAt),
    createdAt: iso(i.createdAt)!,
    updatedAt: iso(i.updatedAt)!,
  };
}
