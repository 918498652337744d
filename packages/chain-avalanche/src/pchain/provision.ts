import { utils, type UnsignedTx } from '@avalabs/avalanchejs';
import { FiscusError, type Signer } from '@fiscus/core';
import { buildSubnetEvmGenesis } from '../genesis.ts';
import { buildConvert, buildCreateChain, buildCreateSubnet, type BuildInput } from './build.ts';
import { PChainClient } from './client.ts';
import { txIdOf, validationIdOf } from './ids.ts';
import { mapSubnetAuth, pchainAddress, pchainBech32, signTx } from './sign.ts';
import { validateProvisionConfig } from './validate.ts';
import {
  PROVISION_STEPS,
  type L1ProvisionConfig,
  type ProvisionKeys,
  type ProvisionRecord,
  type ProvisionStore,
  type ProvisionTx,
  type ProvisionTxStep,
} from './types.ts';

/**
 * Provisions an L1 on the P-Chain: CreateSubnetTx → CreateChainTx → ConvertSubnetToL1Tx, each
 * signed and persisted before it is issued, like every other operation. Calling it again with the
 * same id resumes: a persisted tx is looked up and its SAME bytes re-issued; a step is rebuilt only
 * when its tx was refused, and the replacement spends one of the same UTXOs, so at most one of the
 * two can ever land (no second subnet, whatever the crash).
 */

export interface ProvisionOptions {
  pchain: PChainClient | string;
  store: ProvisionStore;
  keys: ProvisionKeys;
  /** Status polling while a tx is Processing. */
  poll?: { intervalMs?: number; timeoutMs?: number };
  /** Crash / race test hooks: run right after a step's signed tx is persisted, right before it is issued, right after. */
  hooks?: {
    persisted?(step: ProvisionTxStep, tx: ProvisionTx): void | Promise<void>;
    issuing?(step: ProvisionTxStep, tx: ProvisionTx): void | Promise<void>;
    issued?(step: ProvisionTxStep, tx: ProvisionTx): void | Promise<void>;
  };
}

const MAX_REBUILDS = 3;

export async function provisionL1(id: string, config: L1ProvisionConfig, o: ProvisionOptions): Promise<ProvisionRecord> {
  const client = typeof o.pchain === 'string' ? new PChainClient(o.pchain) : o.pchain;
  const owner = o.keys.subnetOwner ?? o.keys.payer;
  let rec = await o.store.load(id);
  if (!rec) {
    validateProvisionConfig(config);
    rec = { id, version: 0, step: 'createSubnet', chainName: config.chainName, genesis: buildSubnetEvmGenesis(config.genesis), txs: {} };
    await save(o.store, rec);
  }
  while ((PROVISION_STEPS as readonly string[]).includes(rec.step)) {
    const step = rec.step as ProvisionTxStep;
    let tx = rec.txs[step];
    if (!tx) {
      tx = await buildStep(client, step, rec, config, o.keys.payer, owner);
      rec.txs[step] = tx;
      await save(o.store, rec); // durable BEFORE the network sees it
      await o.hooks?.persisted?.(step, tx);
    }
    const outcome = await land(client, tx, o, step);
    if (outcome.committed) {
      await recordResult(client, rec, step, tx, config);
      rec.step = PROVISION_STEPS[PROVISION_STEPS.indexOf(step) + 1] ?? 'done';
      await save(o.store, rec);
      continue;
    }
    // Refused: the same bytes will not land now. Replace them by a tx that conflicts with them.
    if (tx.rebuilds >= MAX_REBUILDS) {
      rec.step = 'failed';
      rec.error = `${step}: ${outcome.reason}`;
      await save(o.store, rec);
      return rec;
    }
    const next = await buildStep(client, step, rec, config, o.keys.payer, owner, tx.inputs);
    next.rebuilds = tx.rebuilds + 1;
    rec.txs[step] = next;
    await save(o.store, rec);
    await o.hooks?.persisted?.(step, next);
  }
  return rec;
}

/** Every save is the next version: a concurrent runner's save of the same version fails (CONFLICT) and it stops. */
function save(store: ProvisionStore, rec: ProvisionRecord): Promise<void> {
  rec.version += 1;
  return store.save(rec);
}

async function land(
  client: PChainClient,
  tx: ProvisionTx,
  o: ProvisionOptions,
  step: ProvisionTxStep,
): Promise<{ committed: true } | { committed: false; reason: string }> {
  let s = await client.status(tx.txId);
  if (s.status === 'Committed') return { committed: true };
  if (s.status === 'Aborted') return { committed: false, reason: s.reason ?? 'aborted' };
  if (s.status === 'Unknown' || s.status === 'Dropped') {
    await o.hooks?.issuing?.(step, tx);
    try {
      await client.issue(tx.signedHex);
    } catch (e) {
      if (!(e instanceof FiscusError) || e.code !== 'TX_REJECTED') throw e;
      // avalanchego verifies a re-issued tx against the current state: if it was committed in the
      // meantime (another runner issued the same bytes), the refusal says its inputs are consumed.
      // Only the status tells: a refusal is a reason to replace the tx only if it is not on chain.
      const again = await client.status(tx.txId);
      if (again.status === 'Committed') return { committed: true };
      if (again.status !== 'Processing') return { committed: false, reason: (e as Error).message };
    }
    await o.hooks?.issued?.(step, tx);
  }
  const interval = o.poll?.intervalMs ?? 250;
  const deadline = Date.now() + (o.poll?.timeoutMs ?? 60_000);
  for (;;) {
    s = await client.status(tx.txId);
    if (s.status === 'Committed') return { committed: true };
    if (s.status === 'Dropped' || s.status === 'Aborted') return { committed: false, reason: s.reason ?? s.status };
    // Processing (or Unknown right after issue): it may still land, so never rebuild here.
    if (Date.now() > deadline)
      throw new FiscusError('CHAIN_UNAVAILABLE', `P-Chain tx ${tx.txId} still ${s.status}; provisioning resumes from it on the next call`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

async function buildStep(
  client: PChainClient,
  step: ProvisionTxStep,
  rec: ProvisionRecord,
  cfg: L1ProvisionConfig,
  payer: Signer,
  owner: Signer,
  replaces?: string[],
): Promise<ProvisionTx> {
  const ctx = await client.context();
  const all = await client.utxos(pchainBech32(payer, ctx.hrp));
  const live = new Set(all.map((u) => u.utxoId.ID()));
  const pending = (replaces ?? []).filter((i) => live.has(i));
  // A replacement must spend an input of the tx it replaces while that tx could still land.
  const attempts = pending.length ? [all, all.filter((u) => pending.includes(u.utxoId.ID()))] : [all];
  for (const utxos of attempts) {
    const feeState = await client.feeState();
    // avalanchego answers a tx id with a cached drop reason without verifying it again
    // (vms/platformvm/network/gossip.go): a replacement that comes out byte-identical to a dropped
    // tx (same UTXOs at the same price) would be refused the same way, so it pays 1 nAVAX/gas more.
    for (let bump = 0n; bump < 3n; bump++) {
      const b: BuildInput = {
        ctx,
        feeState: { ...feeState, price: feeState.price + bump },
        utxos,
        payer: pchainAddress(payer),
        subnetOwner: pchainAddress(owner),
      };
      let tx: UnsignedTx;
      try {
        tx =
          step === 'createSubnet'
            ? buildCreateSubnet(b)
            : step === 'createChain'
              ? buildCreateChain(b, rec.subnetId!, rec.chainName, rec.genesis)
              : buildConvert(b, rec.subnetId!, rec.blockchainId!, cfg);
      } catch (e) {
        const msg = (e as Error).message;
        throw new FiscusError(/insufficient/i.test(msg) ? 'INSUFFICIENT_BALANCE' : 'INTERNAL', `cannot build ${step}: ${msg}`, { cause: e });
      }
      const inputs = (tx.getTx() as unknown as { baseTx: { inputs: { utxoID: { ID(): string } }[] } }).baseTx.inputs.map((i) => i.utxoID.ID());
      if (pending.length && !inputs.some((i) => pending.includes(i))) break;
      if (step !== 'createSubnet') mapSubnetAuth(tx, owner);
      await signTx(tx, [payer, owner]);
      const bytes = tx.getSignedTx().toBytes();
      const txId = txIdOf(bytes);
      if (replaces && (await client.status(txId)).status === 'Dropped') continue;
      return { txId, signedHex: utils.bufferToHex(bytes), inputs, rebuilds: 0 };
    }
  }
  throw new FiscusError(
    'CONFLICT',
    `${step}: cannot build a replacement that conflicts with the refused tx (its inputs ${pending.join(', ')} are still unspent)`,
  );
}

async function recordResult(client: PChainClient, rec: ProvisionRecord, step: ProvisionTxStep, tx: ProvisionTx, cfg: L1ProvisionConfig) {
  if (step === 'createSubnet') rec.subnetId = tx.txId;
  if (step === 'createChain') rec.blockchainId = tx.txId;
  if (step === 'convert') {
    const s = await client.subnet(rec.subnetId!);
    rec.conversionId = s.conversionID;
    rec.validationIds = cfg.validators.map((_, i) => validationIdOf(rec.subnetId!, i));
  }
}
