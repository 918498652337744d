import type { ChainDriver, ChainEvent, ChainOperation, Deployment, PreparedTx, TxStatus } from '@fiscus/core';
import { fromDeployment } from '../../src/index.ts';

/**
 * One operation the way the engine runs it: sign at the issuer's next sequence, submit, read
 * the status until it settles (the local ledger closes a ledger per submission).
 */
export async function runOp(driver: ChainDriver, deployment: Deployment, op: ChainOperation): Promise<{ tx: PreparedTx; status: TxStatus }> {
  const issuer = fromDeployment(deployment).issuer;
  const sequence = await driver.nextSequence(issuer);
  const tx = await driver.prepare(op, { deployment, sequence });
  const sent = await driver.submit(tx);
  if (sent.kind !== 'accepted' && sent.kind !== 'duplicate') throw new Error(`submit: ${JSON.stringify(sent)}`);
  for (let i = 0; i < 200; i++) {
    const status = await driver.status(tx);
    if (status.kind === 'confirmed' || status.kind === 'failed') return { tx, status };
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${tx.hash} never settled`);
}

/** Every event after `cursor`, following the pages to the end; returns the last cursor too. */
export async function allEvents(driver: ChainDriver, deployment: Deployment, cursor?: string): Promise<{ events: ChainEvent[]; cursor?: string }> {
  const events: ChainEvent[] = [];
  for (let i = 0; i < 100; i++) {
    const page = await driver.events(deployment, cursor);
    events.push(...page.items);
    if (!page.next || page.next === cursor) return { events, cursor };
    cursor = page.next;
  }
  throw new Error('events never ended');
}
