import { eq } from 'drizzle-orm';
import { DEFAULT_POLICY, newId, policyToJson, type ChainId, type Deployment, type Policy } from '@fiscus/core';
import { deploymentOf as toDeployment, schema, type Db } from '@fiscus/ledger';
import { requestOperation, type OperationRow } from '../index.ts';

/** Test fixtures written straight to the database (the API is tested on its own). */
export async function seedFund(db: Db, p: { chain: ChainId; policy?: Policy; decimals?: number }) {
  const fundId = newId('fund');
  await db.insert(schema.funds).values({
    id: fundId,
    name: 'Test Treasury Fund',
    symbol: 'TTF',
    decimals: p.decimals ?? 6,
    policy: policyToJson(p.policy ?? { ...DEFAULT_POLICY, kycRequired: false }),
  });
  const deploymentId = newId('dep');
  await db.insert(schema.deployments).values({ id: deploymentId, fundId, chain: p.chain, status: 'pending' });
  const deploy = await requestOperation(db, { fundId, chain: p.chain, body: { kind: 'deploy' }, context: { deploymentId }, requestedBy: 'test' });
  return { fundId, deploymentId, deploy };
}

export async function seedWallet(db: Db, p: { fundId: string; chain: ChainId; address: string; jurisdiction?: string }) {
  const investorId = newId('inv');
  await db.insert(schema.investors).values({
    id: investorId,
    legalName: 'Test Investor',
    jurisdiction: p.jurisdiction ?? 'US',
    jurisdictionNumeric: 840,
    investorType: 'institutional',
    kycStatus: 'verified',
  });
  const walletId = newId('wal');
  await db.insert(schema.wallets).values({ id: walletId, investorId, chain: p.chain, address: p.address });
  await db.insert(schema.fundWallets).values({ fundId: p.fundId, walletId, status: 'pending' });
  const authorize = await requestOperation(db, {
    fundId: p.fundId,
    chain: p.chain,
    body: { kind: 'authorize', address: p.address, investorId, country: 840 },
    context: { walletId, investorId },
    requestedBy: 'test',
  });
  return { investorId, walletId, authorize };
}

export function requestMint(db: Db, p: { fundId: string; chain: ChainId; to: string; units: bigint; walletId: string; investorId: string }) {
  return requestOperation(db, {
    fundId: p.fundId,
    chain: p.chain,
    body: { kind: 'mint', to: p.to, units: p.units },
    context: { walletId: p.walletId, investorId: p.investorId },
    requestedBy: 'test',
  });
}

export async function getOperation(db: Db, id: string): Promise<OperationRow> {
  const [row] = await db.select().from(schema.operations).where(eq(schema.operations.id, id));
  if (!row) throw new Error(`operation ${id} not found`);
  return row;
}

export async function deploymentOf(db: Db, id: string): Promise<Deployment> {
  const [row] = await db.select().from(schema.deployments).where(eq(schema.deployments.id, id));
  const deployment = row && toDeployment(row);
  if (!deployment) throw new Error(`deployment ${id} is not active`);
  return deployment;
}
