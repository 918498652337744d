import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PChainState } from './state.ts';
import { parseSignedTx } from './wire.ts';

/**
 * The stand-in's state on disk, as the accepted txs in order (plus the fee state): loading
 * replays them through the same verification, so a file can never hold a state the rules would
 * not have produced. Fee checks are skipped on replay (each tx paid the price of its time).
 */

interface StateFileV1 {
  version: 1;
  networkId: number;
  accepted: { id: string; hex: string }[];
  gas: { capacity: string; excess: string; time: number };
}

export function loadPChainState(file: string, state: PChainState): boolean {
  if (!existsSync(file)) return false;
  let doc: StateFileV1;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8')) as StateFileV1;
  } catch (e) {
    throw new Error(`P-Chain state file ${file}: unreadable (${(e as Error).message}); move it away to start a new chain`);
  }
  if (doc.version !== 1 || doc.networkId !== state.networkId)
    throw new Error(`P-Chain state file ${file}: version ${doc.version} / network ${doc.networkId} not supported here`);
  for (const { id, hex } of doc.accepted) {
    const bytes = Buffer.from(hex, 'hex');
    state.execute(parseSignedTx(bytes), id, new Uint8Array(bytes), doc.gas.time, { checkFees: false });
  }
  state.gas = { capacity: BigInt(doc.gas.capacity), excess: BigInt(doc.gas.excess), time: doc.gas.time };
  return true;
}

/** Atomic replace (temp file, fsync, rename): a crash leaves the old or the new state, never a torn file. */
export function savePChainState(file: string, state: PChainState): void {
  const doc: StateFileV1 = {
    version: 1,
    networkId: state.networkId,
    accepted: state.accepted.map((id) => ({ id, hex: Buffer.from(state.txs.get(id)!.bytes).toString('hex') })),
    gas: { capacity: String(state.gas.capacity), excess: String(state.gas.excess), time: state.gas.time },
  };
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeFileSync(fd, JSON.stringify(doc));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
