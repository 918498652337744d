import { StellarDriver } from '@fiscus/chain-stellar';
import { FiscusError, type ChainId } from '@fiscus/core';
import { requestOperation } from '@fiscus/engine';
import { requireDeploymentOf } from '@fiscus/ledger';
import { normalizeFor, requireActiveDeployment, requireCapability, requireDriver, requireFund } from '../../lib/lookups.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import { presentOperation } from '../operations/operations.schemas.ts';
import type { RotateKeyRoute } from './key-rotations.routes.ts';

/** The driver checks, before signing, that it holds the new key (or nothing could sign after the rotation). */
export const rotateKey: AppRouteHandler<RotateKeyRoute> = async (c) => {
  const db = c.var.db;
  const body = c.req.valid('json');
  const fund = await requireFund(db, c.req.valid('param').fundId);
  const driver = requireDriver(c.var.deps.drivers, body.chain);
  const chain = driver.chain as ChainId;
  requireCapability(driver, 'keyRotation', 'rotate role keys');
  const deployment = await requireActiveDeployment(db, fund.id, chain);
  const newAddress = body.newAddress
    ? normalizeFor(driver, 'newAddress', body.newAddress)
    : driver instanceof StellarDriver
      ? await driver.nextRoleKey(requireDeploymentOf(deployment), body.role)
      : undefined;
  if (!newAddress) throw new FiscusError('VALIDATION_FAILED', `newAddress is required on ${chain}: the key configured to take the ${body.role} role over`);
  const operation = await requestOperation(db, {
    fundId: fund.id,
    chain,
    body: { kind: 'rotateKey', role: body.role, newAddress },
    context: {},
    requestedBy: c.var.principal.keyId,
  });
  return c.json({ operation: presentOperation(operation, fund.decimals) }, 202);
};
