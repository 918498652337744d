import { allows, PERMISSIONS, principalOf, type Permission } from '../../auth/roles.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import type { MeRoute } from './session.routes.ts';

/** The console asks this once after sign-in to hide what the key's role cannot do. */
export const me: AppRouteHandler<MeRoute> = async (c) => {
  const p = principalOf(c);
  const permissions = (Object.keys(PERMISSIONS) as Permission[]).filter((perm) => allows(perm, p.role));
  return c.json({ keyId: p.keyId, role: p.role, investorId: p.investorId, permissions }, 200);
};
