import { Id } from '@avalabs/avalanchejs';
import { DEV_AVAX_ASSET_ID, DEV_C_CHAIN_ID, DEV_X_CHAIN_ID, PLATFORM_CHAIN_ID, type PChainState } from './state.ts';
import { TxRejected } from './verify.ts';
import { decodeHexChecksum, encodeHexChecksum, formatAddress, parseAddress, parseSignedTx, txIdOf, utxoBytes } from './wire.ts';

/** JSON-RPC methods of the info, platform and avm APIs that avalanchejs and the provisioning call. */

export class RpcError extends Error {}

type Params = Record<string, unknown>;
type Handler = (s: PChainState, p: Params, nowSec: number) => unknown;

const str = (p: Params, k: string): string => {
  const v = p[k];
  if (typeof v !== 'string' || !v) throw new RpcError(`missing ${k}`);
  return v;
};

const TX_FEE = 1_000_000n; // X-Chain static fees (avm.getTxFee), only read by Context.getContextFromURI

export const METHODS: Record<string, Handler> = {
  'info.getNetworkID': (s) => ({ networkID: String(s.networkId) }),
  'info.getBlockchainID': (_s, p) => {
    const alias = str(p, 'alias');
    const id = { P: PLATFORM_CHAIN_ID, X: DEV_X_CHAIN_ID, C: DEV_C_CHAIN_ID }[alias];
    if (!id) throw new RpcError(`there is no chain with alias/ID '${alias}'`);
    return { blockchainID: id };
  },
  'avm.getAssetDescription': (_s, p) => {
    const a = str(p, 'assetID');
    if (a !== 'AVAX' && a !== DEV_AVAX_ASSET_ID) throw new RpcError(`couldn't find asset ${a}`);
    return { assetID: DEV_AVAX_ASSET_ID, name: 'Avalanche', symbol: 'AVAX', denomination: '9' };
  },
  'avm.getTxFee': () => ({ txFee: String(TX_FEE), createAssetTxFee: String(TX_FEE) }),
  'platform.getFeeConfig': (s) => ({
    weights: s.fees.weights,
    maxCapacity: Number(s.fees.maxCapacity),
    maxPerSecond: Number(s.fees.maxPerSecond),
    targetPerSecond: Number(s.fees.targetPerSecond),
    minPrice: Number(s.fees.minPrice),
    excessConversionConstant: Number(s.fees.excessConversionConstant),
  }),
  'platform.getFeeState': (s, _p, now) => ({
    capacity: Number(s.gas.capacity),
    excess: Number(s.gas.excess),
    price: Number(s.price(now)),
    timestamp: new Date(s.gas.time * 1000).toISOString(),
  }),
  'platform.getUTXOs': (s, p) => {
    const addresses = p.addresses;
    if (!Array.isArray(addresses) || addresses.length === 0) throw new RpcError('no addresses provided');
    const seen = new Set<string>();
    const utxos = [];
    for (const a of addresses) {
      for (const u of s.utxosOf(parseAddress(String(a)))) {
        const id = u.utxoId.ID();
        if (!seen.has(id)) utxos.push(u), seen.add(id);
      }
    }
    const limit = Math.min(Number(p.limit ?? 1024) || 1024, 1024);
    const page = utxos.slice(0, limit);
    const last = page[page.length - 1];
    return {
      numFetched: String(page.length),
      utxos: page.map((u) => encodeHexChecksum(utxoBytes(u))),
      endIndex: { address: String(addresses[0]), utxo: last ? last.utxoId.ID() : '' },
      encoding: 'hex',
    };
  },
  'platform.issueTx': (s, p, now) => {
    let bytes: Uint8Array;
    try {
      bytes = decodeHexChecksum(p.tx);
    } catch (e) {
      throw new RpcError(`problem decoding transaction: ${(e as Error).message}`);
    }
    let tx;
    try {
      tx = parseSignedTx(bytes);
    } catch (e) {
      throw new RpcError(`couldn't parse tx: ${(e as Error).message}`);
    }
    const id = txIdOf(bytes);
    // avalanchego vms/platformvm/network/gossip.go gossipMempool.Add, wrapped by service.go IssueTx
    // ("couldn't issue tx: %w"). The stand-in has no mempool (a valid tx commits at once), so:
    // 1. a cached drop reason is returned as is, WITHOUT verifying the tx again;
    // 2. otherwise the tx is verified against the current state ("failed verification: %w" and the
    //    reason cached, MarkDropped): a committed tx fails there because its inputs are consumed.
    const cached = s.dropped.reason(id);
    if (cached !== undefined) throw new RpcError(`couldn't issue tx: ${cached}`);
    try {
      s.execute(tx, id, bytes, now, { checkFees: true });
    } catch (e) {
      if (!(e instanceof TxRejected)) throw e;
      s.dropped.markDropped(id, e.message);
      throw new RpcError(`couldn't issue tx: failed verification: ${e.message}`);
    }
    s.dropped.evict(id);
    return { txID: id };
  },
  // service.go GetTxStatus: the committed state first, then the drop reasons, else Unknown.
  'platform.getTxStatus': (s, p) => {
    const id = str(p, 'txID');
    if (s.txs.has(id)) return { status: 'Committed' };
    const reason = s.dropped.reason(id);
    return reason !== undefined ? { status: 'Dropped', reason } : { status: 'Unknown' };
  },
  'platform.getTx': (s, p) => {
    const rec = s.txs.get(str(p, 'txID'));
    if (!rec) throw new RpcError("couldn't get tx: not found");
    return { tx: encodeHexChecksum(rec.bytes), encoding: 'hex' };
  },
  'platform.getSubnet': (s, p) => {
    const id = str(p, 'subnetID');
    const sub = s.subnets.get(id);
    if (!sub) throw new RpcError(`subnet ${id}: not found`);
    const c = sub.conversion;
    return {
      isPermissioned: true,
      controlKeys: sub.owner.addrs.map((a) => formatAddress(s.hrp, a.toBytes())),
      threshold: String(sub.owner.threshold.value()),
      locktime: String(sub.owner.locktime.value()),
      subnetTransformationTxID: new Id(new Uint8Array(32)).toString(),
      conversionID: c ? c.conversionId : new Id(new Uint8Array(32)).toString(),
      managerChainID: c ? c.chainId : new Id(new Uint8Array(32)).toString(),
      managerAddress: c ? '0x' + Buffer.from(c.address).toString('hex') : null,
    };
  },
  'platform.getBlockchains': (s) => ({
    blockchains: [...s.chains].map(([id, c]) => ({ id, name: c.name, subnetID: c.subnetId, vmID: c.vmId })),
  }),
  'platform.getBlockchainStatus': (s, p) => ({ status: s.chains.has(str(p, 'blockchainID')) ? 'Created' : 'Unknown' }),
};
