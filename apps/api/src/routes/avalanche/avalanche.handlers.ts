import { FiscusError, newId } from '@fiscus/core';
import { validateProvisionConfig } from '@fiscus/chain-avalanche';
import { appendAudit, getL1Provision, getL1ProvisionByChainId, insertL1Provision } from '@fiscus/ledger';
import { encodeL1Config } from '../../chains/avalanche/provision-store.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import type { GetRoute, ProvisionRoute } from './avalanche.routes.ts';
import { presentL1Provision, toProvisionConfig } from './avalanche.schemas.ts';

export const provision: AppRouteHandler<ProvisionRoute> = async (c) => {
  const db = c.var.db;
  const body = c.req.valid('json');
  const config = toProvisionConfig(body);
  validateProvisionConfig(config); // allow-list rules, BLS proofs: 400 before anything is stored
  const provisioner = c.var.deps.l1Provisioner;
  if (!provisioner) throw new FiscusError('CHAIN_NOT_CONFIGURED', 'no P-Chain is configured (AVALANCHE_PCHAIN_URL); an existing L1 needs no provisioning');
  const taken = await getL1ProvisionByChainId(db, body.chainId);
  if (taken) throw new FiscusError('CONFLICT', `chain id ${body.chainId} is already provisioned as ${taken.id}`, { meta: { id: taken.id } });
  const row = await insertL1Provision(db, { id: newId('l1'), evmChainId: body.chainId, config: encodeL1Config(config), createdBy: c.var.principal.keyId });
  if (!row) throw new FiscusError('CONFLICT', `chain id ${body.chainId} is being provisioned by a concurrent request`);
  await appendAudit(db, {
    actor: c.var.principal.keyId,
    action: 'avalanche.l1.provision_requested',
    subject: row.id,
    data: { chainId: body.chainId, chainName: body.chainName },
  });
  // Runs after this request's transaction commits (the run waits for the row to be visible).
  setImmediate(() => void provisioner.kick(row.id));
  return c.json(presentL1Provision(row), 202);
};

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const row = await getL1Provision(c.var.db, c.req.valid('param').id);
  if (!row) throw new FiscusError('NOT_FOUND', `no L1 provisioning ${c.req.valid('param').id}`);
  return c.json(presentL1Provision(row), 200);
};
