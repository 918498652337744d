import { z } from '@hono/zod-openapi';
import { FiscusError, MAX_NAV_SCALE, formatNav, parseNav, type Nav } from '@fiscus/core';
import type { NavPublicationRow } from '@fiscus/ledger';
import { decimalPattern, iso, Timestamp } from '../../lib/schemas.ts';

export const NavText = z
  .string()
  .min(1)
  .max(40)
  .openapi({
    example: '1.000123',
    pattern: decimalPattern(MAX_NAV_SCALE, true),
    description: 'Positive USD per whole fund unit; stored at max(6, digits given) decimals (≤ 18); value × 10^scale ≤ 2^63−1',
  });

/** Scale = the digits the publisher gave, at least 6: "1" and "1.000000" are the same NAV. */
export const NAV_MIN_SCALE = 6;

export function parseNavText(field: string, text: string): Nav {
  const digits = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  if (!/^\d+(\.\d+)?$/.test(text) || digits > MAX_NAV_SCALE) {
    throw new FiscusError('VALIDATION_FAILED', `${field} must be a positive decimal with at most ${MAX_NAV_SCALE} decimals`, { meta: { field, value: text } });
  }
  try {
    const nav = parseNav(text, Math.max(NAV_MIN_SCALE, digits));
    if (nav.value <= 0n) throw new FiscusError('VALIDATION_FAILED', `${field} must be positive`);
    return nav;
  } catch (e) {
    if (e instanceof FiscusError) throw new FiscusError('VALIDATION_FAILED', `${field}: ${e.shortMessage}`, { meta: { field, value: text } });
    throw e;
  }
}

export const NavGuardsSchema = z
  .strictObject({
    maxMoveBps: z.int().min(1).max(10_000).openapi({ example: 200, description: 'Largest move of one update, basis points of the previous NAV' }),
    minIntervalSeconds: z
      .int()
      .min(0)
      .max(366 * 86400)
      .openapi({ example: 3600 }),
    staleAfterSeconds: z
      .int()
      .min(1)
      .max(366 * 86400)
      .openapi({ example: 345600, description: 'Older NAVs refuse subscriptions/redemptions (NAV_STALE)' }),
    enforceReserves: z.boolean().openapi({ description: 'Refuse mints that reserves do not cover (RESERVES_SHORT)' }),
  })
  .openapi('NavGuards');

export const NavGuardsPatch = NavGuardsSchema.partial().openapi('NavGuardsPatch');

export const NavPublicationSchema = z
  .object({
    id: z.string(),
    round: z.string().openapi({ description: 'Round number (the on-chain feed’s roundId)' }),
    nav: z.string().openapi({ example: '1.000123' }),
    value: z.string().openapi({ description: 'NAV as an integer at `scale` decimals' }),
    scale: z.int(),
    publishedAt: Timestamp,
    publishedBy: z.string(),
    previousId: z.string().nullable(),
    reason: z.string().nullable(),
  })
  .openapi('NavPublication');

export function presentNav(r: NavPublicationRow): z.infer<typeof NavPublicationSchema> {
  return {
    id: r.id,
    round: r.round.toString(),
    nav: formatNav({ value: r.navValue, scale: r.navScale }),
    value: r.navValue.toString(),
    scale: r.navScale,
    publishedAt: iso(r.publishedAt)!,
    publishedBy: r.publishedBy,
    previousId: r.previousId,
    reason: r.reason,
  };
}
