import type { Deployment, TxStatus } from '@fiscus/core';
import type { EvmDriver, EvmOperation } from '../../src/index.ts';

/** prepare → submit → settled, nonces read from the chain (tests run one op at a time). */
export async function sendOp(driver: EvmDriver, deployment: Deployment, op: EvmOperation): Promise<TxStatus> {
  const sequence = await driver.nextSequence(driver.operatorAddress);
  const tx = await driver.prepare(op, { deployment, sequence });
  const r = await driver.submit(tx);
  if (r.kind !== 'accepted' && r.kind !== 'duplicate') throw new Error(`submit ${tx.description}: ${JSON.stringify(r)}`);
  for (let i = 0; i < 200; i++) {
    const s = await driver.status(tx);
    if (s.kind === 'confirmed' || s.kind === 'failed' || s.kind === 'dropped') return s;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error(`${tx.description} did not settle`);
}

/** Like sendOp, but the op must land. */
export async function mustSend(driver: EvmDriver, deployment: Deployment, op: EvmOperation): Promise<void> {
  const s = await sendOp(driver, deployment, op);
  if (s.kind !== 'confirmed') throw new Error(`${op.kind} ended ${s.kind}: ${s.kind === 'failed' ? s.error.code + ' ' + s.error.shortMessage : ''}`);
}
