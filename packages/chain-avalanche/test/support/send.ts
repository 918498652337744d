import type { ChainOperation, Deployment, TxStatus } from '@fiscus/core';
import type { AvalancheDriver } from '../../src/index.ts';

/** prepare → submit → settled, nonces read from the chain (tests run one op at a time). */
export async function mustSend(driver: AvalancheDriver, deployment: Deployment, op: ChainOperation): Promise<TxStatus> {
  const sequence = await driver.nextSequence(driver.signerFor(op, deployment));
  const tx = await driver.prepare(op, { deployment, sequence });
  const r = await driver.submit(tx);
  if (r.kind !== 'accepted' && r.kind !== 'duplicate') throw new Error(`submit ${tx.description}: ${JSON.stringify(r)}`);
  for (let i = 0; i < 400; i++) {
    const s = await driver.status(tx);
    if (s.kind === 'confirmed') return s;
    if (s.kind === 'failed' || s.kind === 'dropped')
      throw new Error(`${op.kind} ended ${s.kind}: ${s.kind === 'failed' ? `${s.error.code} ${s.error.message}` : s.reason}`);
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error(`${tx.description} did not settle`);
}
