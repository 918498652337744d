import { BigIntPr, Id, Int, networkIDs, OutputOwners, pvm, pvmSerial, TransferOutput, Utxo, avaxSerial } from '@avalabs/avalanchejs';
import { advance, consumeGas, gasPrice, InsufficientCapacityError, LOCAL_FEE_CONFIG, type FeeConfig, type GasState } from './fees.ts';
import { DropCache } from './drop-cache.ts';
import { appendId, conversionId } from './ids.ts';
import { TxRejected, unsignedHash, verifyCredentials, verifyOwner } from './verify.ts';
import { sha256 } from './wire.ts';

/** The P-Chain state the stand-in keeps: UTXOs, subnets (owner, L1 conversion), chains, txs, fee state. */

export const PLATFORM_CHAIN_ID = '11111111111111111111111111111111LpoYY';
export const LOCAL_NETWORK_ID = 12345;
/** Dev ids for the X-/C-Chain and the AVAX asset (any 32-byte cb58 ids; only their shape matters here). */
export const DEV_X_CHAIN_ID = '2eNy1mUFdmaxXNj1eQHUe7Np4gju9sJsEtWQ4MX3ToiNKuADed';
export const DEV_C_CHAIN_ID = '2CA6j5zYzasynPsFeNoqWkmTCt3VScMvXUZHbfDJ8k3oGzAPtU';
export const DEV_AVAX_ASSET_ID = '2fombhL7aGPwj3KH4bfrmJwW6PVnMobf9Y2fn9GwxiAAJyFDbe';

export interface Funding {
  /** 20-byte short address (ripemd160(sha256(compressed secp256k1 key))). */
  address: Uint8Array;
  /** nAVAX */
  amount: bigint;
}

export interface SubnetRecord {
  owner: OutputOwners;
  conversion?: { conversionId: string; chainId: string; address: Uint8Array; validationIds: string[] };
}
export interface ChainRecord {
  subnetId: string;
  name: string;
  vmId: string;
  genesis: Uint8Array;
}
/** A committed tx (drop reasons live in `dropped`, as avalanchego keeps them in the mempool, not the state). */
export interface TxRecord {
  bytes: Uint8Array;
}

interface UtxoEntry {
  utxo: Utxo;
  out: TransferOutput;
}

export class PChainState {
  readonly utxos = new Map<string, UtxoEntry>();
  /** Committed txs. */
  readonly txs = new Map<string, TxRecord>();
  readonly dropped = new DropCache();
  readonly subnets = new Map<string, SubnetRecord>();
  readonly chains = new Map<string, ChainRecord>();
  /** Accepted tx ids in order: the state file replays them. */
  readonly accepted: string[] = [];
  gas: GasState;

  constructor(
    readonly networkId: number,
    readonly fees: FeeConfig = LOCAL_FEE_CONFIG,
    funding: Funding[] = [],
    nowSec = Math.floor(Date.now() / 1000),
  ) {
    this.gas = { capacity: fees.maxCapacity, excess: 0n, time: nowSec };
    // Genesis UTXOs: outputs of a fixed pseudo-tx, one per funded key, as a network genesis would hold.
    const genesisTx = new Id(sha256(new TextEncoder().encode('fiscus-pchain-genesis')));
    funding.forEach((f, i) =>
      this.addUtxo(
        new Utxo(
          new avaxSerial.UTXOID(genesisTx, new Int(i)),
          Id.fromString(DEV_AVAX_ASSET_ID),
          new TransferOutput(new BigIntPr(f.amount), OutputOwners.fromNative([f.address])),
        ),
      ),
    );
  }

  get hrp(): string {
    return networkIDs.getHRP(this.networkId);
  }

  price(nowSec: number): bigint {
    return gasPrice(this.fees, advance(this.fees, this.gas, nowSec).excess);
  }

  utxosOf(address: Uint8Array): Utxo[] {
    const out: Utxo[] = [];
    for (const { utxo, out: o } of this.utxos.values()) {
      if (o.outputOwners.addrs.some((a) => Buffer.from(a.toBytes()).equals(Buffer.from(address)))) out.push(utxo);
    }
    return out;
  }

  private addUtxo(u: Utxo) {
    this.utxos.set(u.utxoId.ID(), { utxo: u, out: u.output as TransferOutput });
  }

  /**
   * Verifies and applies one signed tx (fee checks off when replaying a state file: those txs
   * were accepted at the price of their time). Throws TxRejected with avalanchego's wording.
   */
  execute(tx: avaxSerial.SignedTx, id: string, bytes: Uint8Array, nowSec: number, opts: { checkFees: boolean }): void {
    const u = tx.unsignedTx;
    const isSubnet = pvmSerial.isCreateSubnetTx(u);
    const isChain = pvmSerial.isCreateChainTx(u);
    const isConvert = pvmSerial.isConvertSubnetToL1Tx(u);
    if (!isSubnet && !isChain && !isConvert && !pvmSerial.isPvmBaseTx(u))
      throw new TxRejected(`unsupported tx type ${u._type} (the stand-in applies BaseTx, CreateSubnetTx, CreateChainTx, ConvertSubnetToL1Tx)`);
    const base = (u as unknown as { baseTx: avaxSerial.BaseTx }).baseTx;
    if (base.NetworkId.value() !== this.networkId) throw new TxRejected(`tx has wrong network ID: ${base.NetworkId.value()} != ${this.networkId}`);
    if (base.BlockchainId.toString() !== PLATFORM_CHAIN_ID) throw new TxRejected('tx has wrong chain ID');
    if (base.memo.bytes.length > 0) throw new TxRejected(`memo has ${base.memo.bytes.length} bytes but max is 0`);
    const hash = unsignedHash(tx);
    let creds = tx.getCredentials();

    let subnetId: string | undefined;
    if (isChain || isConvert) {
      subnetId = u.getSubnetID().toString();
      const subnet = this.subnets.get(subnetId);
      if (!subnet) throw new TxRejected(`subnet ${subnetId}: not found`);
      if (subnet.conversion) throw new TxRejected(`"${subnetId}" is immutable`);
      const authCred = creds[creds.length - 1];
      if (!authCred) throw new TxRejected('should have the same number of credentials as inputs');
      try {
        verifyCredentials(hash, u.getSubnetAuth().values(), authCred.getSignatures(), subnet.owner, nowSec);
      } catch (e) {
        throw new TxRejected(`unauthorized modification: ${(e as Error).message}`);
      }
      creds = creds.slice(0, -1);
    }
    if (isSubnet) verifyOwner(u.getSubnetOwners());
    if (isChain) verifyCreateChain(u);
    if (isConvert) verifyConvert(u);

    // Flow check (utxo.verifier.VerifySpendUTXOs): every input a live UTXO, signed by its owner.
    const inputs = base.inputs;
    if (inputs.length !== creds.length) throw new TxRejected(`wrong number of credentials: ${inputs.length} inputs != ${creds.length} credentials`);
    const seen = new Set<string>();
    let consumed = 0n;
    inputs.forEach((input, i) => {
      const key = input.utxoID.ID();
      if (seen.has(key)) throw new TxRejected('inputs not sorted and unique');
      seen.add(key);
      const entry = this.utxos.get(key);
      if (!entry) throw new TxRejected(`failed to read consumed UTXO ${input.utxoID.txID.toString()}:${input.utxoID.outputIdx.value()} due to: not found`);
      if (input.assetId.toString() !== entry.utxo.assetId.toString()) throw new TxRejected('asset IDs in the input and UTXO do not match');
      if (input.amount() !== entry.out.amount())
        throw new TxRejected(`failed to verify transfer: utxo amount and input amount are not equal: ${entry.out.amount()} != ${input.amount()}`);
      try {
        verifyCredentials(hash, input.sigIndicies(), creds[i]!.getSignatures(), entry.out.outputOwners, nowSec);
      } catch (e) {
        throw new TxRejected(`failed to verify transfer: ${(e as Error).message}`);
      }
      consumed += input.amount();
    });
    let produced = 0n;
    for (const o of base.outputs) {
      if (o.assetId.toString() !== DEV_AVAX_ASSET_ID || !(o.output instanceof TransferOutput))
        throw new TxRejected('the stand-in only takes unlocked AVAX outputs');
      verifyOwner(o.output.outputOwners);
      produced += o.amount();
    }
    // ConvertSubnetToL1Tx: validator balances are paid from the inputs like produced AVAX.
    if (isConvert) for (const v of u.validators) produced += v.balance.value();

    let gas = this.gas;
    if (opts.checkFees) {
      gas = advance(this.fees, gas, nowSec);
      const complexity = pvm.getTxComplexity(u) as unknown as Record<number, number>;
      const units = this.fees.weights.reduce((s, w, k) => s + BigInt(complexity[k] ?? 0) * BigInt(w), 0n);
      const fee = units * gasPrice(this.fees, gas.excess);
      if (produced + fee > consumed) throw new TxRejected(`insufficient unlocked funds: needs ${produced + fee - consumed} more ${DEV_AVAX_ASSET_ID}`);
      try {
        gas = consumeGas(gas, units);
      } catch (e) {
        if (e instanceof InsufficientCapacityError) throw new TxRejected(e.message);
        throw e;
      }
    }

    // Apply: nothing above mutated state, so a rejection leaves the chain untouched.
    for (const input of inputs) this.utxos.delete(input.utxoID.ID());
    base.outputs.forEach((o, i) => this.addUtxo(new Utxo(new avaxSerial.UTXOID(Id.fromString(id), new Int(i)), o.assetId, o.output as TransferOutput)));
    if (isSubnet) this.subnets.set(id, { owner: u.getSubnetOwners() });
    if (isChain) this.chains.set(id, { subnetId: subnetId!, name: u.chainName.value(), vmId: u.vmID.toString(), genesis: u.genesisData.bytes });
    if (isConvert) {
      const sid = u.subnetID.toBytes();
      this.subnets.get(subnetId!)!.conversion = {
        conversionId: conversionId(
          sid,
          u.chainID.toBytes(),
          u.address.bytes,
          u.validators.map((v) => ({ nodeId: v.nodeId.bytes, blsPublicKey: v.signer.publicKey, weight: v.weight.value() })),
        ),
        chainId: u.chainID.toString(),
        address: u.address.bytes,
        validationIds: u.validators.map((_, i) => appendId(sid, i)),
      };
    }
    this.gas = gas;
    this.txs.set(id, { bytes });
    this.accepted.push(id);
  }
}

function verifyCreateChain(u: pvmSerial.CreateChainTx) {
  const name = u.chainName.value();
  if (name.length > 128) throw new TxRejected('name too long');
  if (!/^[A-Za-z0-9 ]*$/.test(name)) throw new TxRejected('illegal name character');
  if (u.vmID.toBytes().every((b) => b === 0)) throw new TxRejected('invalid VM ID');
  if (u.genesisData.bytes.length > 1 << 20) throw new TxRejected('genesis too long');
}

function verifyConvert(u: pvmSerial.ConvertSubnetToL1Tx) {
  if (u.address.bytes.length > 4096) throw new TxRejected('address is too long');
  if (u.validators.length === 0) throw new TxRejected('conversion must include at least one validator');
  for (let i = 1; i < u.validators.length; i++) {
    if (Buffer.compare(Buffer.from(u.validators[i - 1]!.nodeId.bytes), Buffer.from(u.validators[i]!.nodeId.bytes)) >= 0) {
      throw new TxRejected('conversion validators must be sorted and unique');
    }
  }
  for (const v of u.validators) {
    if (v.weight.value() === 0n) throw new TxRejected('validator weight must be non-zero');
    if (v.nodeId.bytes.length !== 20 || v.nodeId.bytes.every((b) => b === 0)) throw new TxRejected('invalid node ID');
    verifyOwner(v.remainingBalanceOwner);
    verifyOwner(v.deactivationOwner);
  }
}
