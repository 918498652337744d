import type { Context, MiddlewareHandler } from 'hono';
import { FiscusError } from '@fiscus/core';
import type { AppBindings } from '../lib/types.ts';
import type { Principal, Role } from './principal.ts';

/**
 * The role table: which roles may call what. Each route names one permission; the
 * authorization test walks this table for every route × role.
 *
 * | permission            | issuer-admin | compliance | treasurer | investor      | auditor |
 * |-----------------------|--------------|------------|-----------|---------------|---------|
 * | funds.create          | ✓            |            |           |               |         |
 * | funds.read            | ✓            | ✓          | ✓         |               | ✓       |
 * | funds.policy          | ✓            | ✓          |           |               |         |
 * | deployments.create    | ✓            |            |           |               |         |
 * | investors.create      | ✓            | ✓          |           |               |         |
 * | investors.read        | ✓            | ✓          |           | own only      | ✓       |
 * | investors.kyc         | ✓            | ✓          |           |               |         |
 * | wallets.create        | ✓            | ✓          |           |               |         |
 * | wallets.read          | ✓            | ✓          |           | own only      | ✓       |
 * | subscriptions.create  | ✓            |            | ✓         |               |         |
 * | subscriptions.quote   | ✓            |            | ✓         | itself only   |         |  (Stellar DvP quotes: the investor pays on chain)
 * | redemptions.create    | ✓            |            | ✓         | itself only   |         |
 * | enforcement.create    | ✓            | ✓          |           |               |         |  (freeze, unfreeze, force-transfer)
 * | operations.read       | ✓            | ✓          | ✓         | own only      | ✓       |
 * | operations.approve    | ✓            | ✓          |           |               |         |
 * | supply.read           | ✓            | ✓          | ✓         |               | ✓       |
 * | reconciliations.run   | ✓            |            | ✓         |               |         |
 * | reconciliations.read  | ✓            | ✓          | ✓         |               | ✓       |
 * | distributions.create  | ✓            |            | ✓         |               |         |  (yield in new units)
 * | distributions.read    | ✓            | ✓          | ✓         |               | ✓       |
 * | capTable.read         | ✓            | ✓          | ✓         |               | ✓       |  (cap table, holder counts)
 * | audit.read            | ✓            | ✓          |           |               | ✓       |
 * | apiKeys.manage        | ✓            |            |           |               |         |
 * | nav.publish           | ✓            |            | ✓         |               |         |  (NAV and its guards)
 * | nav.read              | ✓            | ✓          | ✓         |               | ✓       |
 * | attestations.create   | ✓            |            | ✓         |               |         |
 * | attestations.read     | ✓            | ✓          | ✓         |               | ✓       |
 * | custody.write         | ✓            |            | ✓         |               |         |  (T-bill lots, cash movements)
 * | custody.read          | ✓            | ✓          | ✓         |               | ✓       |
 * | redemptions.read      | ✓            | ✓          | ✓         | own only      | ✓       |
 * | redemptions.manage    | ✓            |            | ✓         |               |         |  (rules, payout confirmations)
 * | stellar.sponsor       | ✓            | ✓          |           | own only      |         |  (sponsored trustlines, fee bumps)
 * | avalanche.l1s.create  | ✓            |            |           |               |         |  (P-Chain L1 provisioning)
 * | avalanche.l1s.read    | ✓            |            |           |               | ✓       |
 * | moves.create          | ✓            |            | ✓         |               |         |  (cross-chain moves)
 * | moves.read            | ✓            | ✓          | ✓         |               | ✓       |  (moves, limits, halts)
 * | moves.manage          | ✓            |            | ✓         |               |         |  (per-chain limits, pause)
 * | moves.resolve         | ✓            |            | ✓         |               |         |  (re-mint a stranded move's units)
 * | halts.clear           | ✓            |            |           |               |         |
 * | session.read          | ✓            | ✓          | ✓         | ✓             | ✓       |  (GET /v1/me: the caller's role)
 * | chains.read           | ✓            | ✓          | ✓         | ✓             | ✓       |  (GET /v1/chains)
 * | webhooks.manage       | ✓            |            |           |               |         |  (endpoints, replays)
 * | webhooks.read         | ✓            |            |           |               | ✓       |  (endpoints, delivery log)
 * | dev.faucet            | ✓            |            | ✓         | ✓             |         |  (local stablecoin for test wallets; local networks only)
 * | keys.rotate           | ✓            |            | ✓         |               |         |  (rotateKey: a role's signing key on a chain)
 *
 * "own only": an investor key is bound to one investor; reading or acting for another investor
 * is 403 FORBIDDEN. An investor sees the operations whose context names it (authorize, mint,
 * burn of its wallets). Auditors never mutate anything.
 */
export const PERMISSIONS = {
  'funds.create': ['issuer-admin'],
  'funds.read': ['issuer-admin', 'compliance', 'treasurer', 'auditor'],
  'funds.policy': ['issuer-admin', 'compliance'],
  'deployments.create': ['issuer-admin'],
  'investors.create': ['issuer-admin', 'compliance'],
  'investors.read': ['issuer-admin', 'compliance', 'auditor', 'investor'],
  'investors.kyc': ['issuer-admin', 'compliance'],
  'wallets.create': ['issuer-admin', 'compliance'],
  'wallets.read': ['issuer-admin', 'compliance', 'auditor', 'investor'],
  'subscriptions.create': ['issuer-admin', 'treasurer'],
  'subscriptions.quote': ['issuer-admin', 'treasurer', 'investor'],
  'redemptions.create': ['issuer-admin', 'treasurer', 'investor'],
  'enforcement.create': ['issuer-admin', 'compliance'],
  'operations.read': ['issuer-admin', 'compliance', 'treasurer', 'auditor', 'investor'],
  'operations.approve': ['issuer-admin', 'compliance'],
  'supply.read': ['issuer-admin', 'compliance', 'treasurer', 'auditor'],
  'reconciliations.run': ['issuer-admin', 'treasurer'],
  'reconciliations.read': ['issuer-admin', 'compliance', 'treasurer', 'auditor'],
  'distributions.create': ['issuer-admin', 'treasurer'],
  'distributions.read': ['issuer-admin', 'compliance', 'treasurer', 'auditor'],
  'capTable.read': ['issuer-admin', 'compliance', 'treasurer', 'auditor'],
  'audit.read': ['issuer-admin', 'compliance', 'auditor'],
  'apiKeys.manage': ['issuer-admin'],
  'nav.publish': ['issuer-admin', 'treasurer'],
  'nav.read': ['issuer-admin', 'compliance', 'treasurer', 'auditor'],
  'attestations.create': ['issuer-admin', 'treasurer'],
  'attestations.read': ['issuer-admin', 'compliance', 'treasurer', 'auditor'],
  'custody.write': ['issuer-admin', 'treasurer'],
  'custody.read': ['issuer-admin', 'compliance', 'treasurer', 'auditor'],
  'redemptions.read': ['issuer-admin', 'compliance', 'treasurer', 'auditor', 'investor'],
  'redemptions.manage': ['issuer-admin', 'treasurer'],
  'stellar.sponsor': ['issuer-admin', 'compliance', 'investor'],
  'avalanche.l1s.create': ['issuer-admin'],
  'avalanche.l1s.read': ['issuer-admin', 'auditor'],
  'moves.create': ['issuer-admin', 'treasurer'],
  'moves.read': ['issuer-admin', 'compliance', 'treasurer', 'auditor'],
  'moves.manage': ['issuer-admin', 'treasurer'],
  'moves.resolve': ['issuer-admin', 'treasurer'],
  'halts.clear': ['issuer-admin'],
  'session.read': ['issuer-admin', 'compliance', 'treasurer', 'investor', 'auditor'],
  'chains.read': ['issuer-admin', 'compliance', 'treasurer', 'investor', 'auditor'],
  'webhooks.manage': ['issuer-admin'],
  'webhooks.read': ['issuer-admin', 'auditor'],
  'dev.faucet': ['issuer-admin', 'treasurer', 'investor'],
  'keys.rotate': ['issuer-admin', 'treasurer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const allows = (permission: Permission, role: Role): boolean => (PERMISSIONS[permission] as readonly Role[]).includes(role);

/** Route middleware: 403 unless the caller's role holds the permission. */
export function requirePermission(permission: Permission): MiddlewareHandler<AppBindings> {
  return async (c, next) => {
    const { role } = c.var.principal;
    if (!allows(permission, role)) {
      throw new FiscusError('FORBIDDEN', `role ${role} may not ${permission}`, { meta: { permission, role } });
    }
    await next();
  };
}

/** An investor key may only see or act for its own investor; other roles pass. */
export function assertInvestorScope(principal: Principal, investorId: string): void {
  if (principal.role === 'investor' && principal.investorId !== investorId) {
    throw new FiscusError('FORBIDDEN', 'this API key is bound to another investor');
  }
}

export const principalOf = (c: Context<AppBindings>): Principal => c.var.principal;
