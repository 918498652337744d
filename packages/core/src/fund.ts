import { z } from 'zod';
import { PolicySchema, validationError } from './policy/schema.ts';
import { DEFAULT_POLICY, type Policy } from './policy/types.ts';
import { MAX_DECIMALS, maxUnits } from './units.ts';

const DEFAULT_DECIMALS = 6;

/** Base units arrive as a decimal string (JSON) or a bigint (code); never as a float-prone number. */
const threshold = z.union([
  z.bigint().min(1n),
  z
    .string()
    .regex(/^[1-9]\d{0,18}$/, 'base units as a decimal string, e.g. "1000000000"')
    .transform((s) => BigInt(s)),
]);

/**
 * A fund as created by the issuer. `decimals` is fixed for life (every chain's token is deployed
 * with it) and capped at 7 so Stellar's int64 stroops represent every unit exactly.
 */
export const FundInput = z
  .strictObject({
    id: z.string().min(1).max(64),
    name: z.string().trim().min(1).max(100),
    symbol: z.string().regex(/^[A-Z0-9]{1,12}$/, 'symbol: 1..12 characters A-Z 0-9 (Stellar asset codes allow no more)'),
    decimals: z.int().min(0).max(MAX_DECIMALS).default(DEFAULT_DECIMALS),
    policy: PolicySchema.optional(),
    /** Mints above this many base units need a second approver; null/absent = never. */
    mintApprovalThreshold: threshold.nullish(),
  })
  .superRefine((f, ctx) => {
    // Holding limits and the threshold are in base units, so they must fit the fund's unit range.
    // Zod 4 still runs this after a field issue, so a bad `decimals` is left to its own message.
    if (!Number.isInteger(f.decimals) || f.decimals < 0 || f.decimals > MAX_DECIMALS) return;
    const max = maxUnits(f.decimals);
    const limits = { minHolding: f.policy?.minHolding, maxHolding: f.policy?.maxHolding, mintApprovalThreshold: f.mintApprovalThreshold };
    for (const [key, v] of Object.entries(limits)) {
      if (typeof v === 'bigint' && v > max) {
        ctx.addIssue({ code: 'custom', path: key === 'mintApprovalThreshold' ? [key] : ['policy', key], message: `${key} ${v} > max units ${max}` });
      }
    }
  })
  .transform(
    (f): Fund => ({
      ...f,
      policy: f.policy ? stripUndefined(f.policy) : { ...DEFAULT_POLICY, blockedJurisdictions: [] },
      mintApprovalThreshold: f.mintApprovalThreshold ?? null,
    }),
  );
export type FundInput = z.input<typeof FundInput>;

export interface Fund {
  id: string;
  name: string;
  /** 1..12 of A-Z0-9: a Stellar asset code (alphanum12) and an ERC-20 symbol at once. */
  symbol: string;
  decimals: number;
  policy: Policy;
  mintApprovalThreshold?: bigint | null;
}

function stripUndefined(p: Policy): Policy {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as unknown as Policy;
}

/** FundInput.parse with failures as FiscusError VALIDATION_FAILED (the API's 400). */
export function parseFund(input: unknown): Fund {
  const r = FundInput.safeParse(input);
  if (!r.success) throw validationError('fund', r.error);
  return r.data;
}
