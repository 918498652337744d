import type { ChainId } from '@fiscus/core';
import { requestOperation } from '@fiscus/engine';
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
  await requireActiveDeployment(db, fund.id, chain);
  const newAddress = normalizeFor(driver, 'newAddress', body.newAddress);
  const operation = await requestOperation(db, {
    fundId: fund.id,
    chain,
    body: { kind: 'rotateKey', role: body.role, newAddress },
    context: {},
    requestedBy: c.var.principal.keyId,
  });
  return c.json({ operation: presentOperation(operation, fund.decimals) }, 202);
};
