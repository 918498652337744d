import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { utils } from '@avalabs/avalanchejs';
import { appendId, conversionId, txIdOf, type PChainServer } from '@fiscus/devnet';
import { FileProvisionStore, MemoryProvisionStore } from '../../src/pchain/file-store.ts';
import { provisionL1 } from '../../src/pchain/provision.ts';
import { PChainClient } from '../../src/pchain/client.ts';
import { genesisBytes } from '../../src/genesis.ts';
import { SUBNET_EVM_VM_ID, sortValidators } from '../../src/pchain/build.ts';
import { pchainAddress } from '../../src/pchain/sign.ts';
import { keys, l1Config, pchainFor, tempDir } from './support.ts';

const payer = keys(0x21).signer;
const owner = keys(0x22).signer;

describe('L1 provisioning on the P-Chain stand-in', () => {
  let p: PChainServer;
  let dir: string;
  beforeEach(async () => {
    p = await pchainFor(payer);
    dir = tempDir();
  });
  afterEach(async () => {
    await p.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the subnet and the Subnet-EVM chain from the genesis, converts it to an L1; ids are the P-Chain derivations', async () => {
    const cfg = l1Config();
    const store = new FileProvisionStore(dir);
    const rec = await provisionL1('fund-1', cfg, { pchain: p.url, store, keys: { payer, subnetOwner: owner } });
    expect(rec.step).toBe('done');

    // subnet id = CreateSubnetTx id = sha256(signed bytes), owned by the subnet owner key
    const subnetTx = rec.txs.createSubnet!;
    expect(rec.subnetId).toBe(txIdOf(utils.hexToBuffer(subnetTx.signedHex)));
    expect(p.state.subnets.size).toBe(1);
    expect(p.subnet(rec.subnetId!)!.owner.addrs.map((a) => utils.bufferToHex(a.toBytes()))).toEqual([utils.bufferToHex(pchainAddress(owner))]);

    // blockchain id = CreateChainTx id; the chain runs Subnet-EVM from exactly our genesis bytes
    expect(rec.blockchainId).toBe(txIdOf(utils.hexToBuffer(rec.txs.createChain!.signedHex)));
    const chain = p.chain(rec.blockchainId!)!;
    expect(chain).toMatchObject({ subnetId: rec.subnetId, vmId: SUBNET_EVM_VM_ID, name: 'fiscus treasury L1' });
    expect(Buffer.from(chain.genesis).equals(Buffer.from(genesisBytes(rec.genesis)))).toBe(true);
    expect(rec.genesis.config.chainId).toBe(777001);
    expect(rec.genesis.config.txAllowListConfig.adminAddresses).toEqual([cfg.evm.allowListAdmin.toLowerCase()]);

    // conversion id = sha256(codec(SubnetToL1ConversionData)) computed independently from the config
    const sid = utils.base58check.decode(rec.subnetId!);
    const expected = conversionId(
      sid,
      utils.base58check.decode(rec.blockchainId!),
      utils.hexToBuffer(cfg.validatorManagerAddress),
      sortValidators(cfg).map((v) => ({
        nodeId: utils.base58check.decode(v.nodeId.slice(7)),
        blsPublicKey: Buffer.from(v.blsPublicKey, 'hex'),
        weight: v.weight,
      })),
    );
    expect(rec.conversionId).toBe(expected);
    expect(p.subnet(rec.subnetId!)!.conversion).toMatchObject({ conversionId: expected, chainId: rec.blockchainId });
    expect(rec.validationIds).toEqual([appendId(sid, 0), appendId(sid, 1)]);

    // the record on disk is the same, and calling again is a no-op (no second subnet)
    expect(await store.load('fund-1')).toEqual(rec);
    const again = await provisionL1('fund-1', cfg, { pchain: p.url, store, keys: { payer, subnetOwner: owner } });
    expect(again).toEqual(rec);
    expect(p.state.subnets.size).toBe(1);
    expect(p.state.chains.size).toBe(1);
  });

  it('refuses a config the P-Chain would reject before signing anything', async () => {
    const store = new FileProvisionStore(dir);
    const opts = { pchain: p.url, store, keys: { payer } };
    await expect(provisionL1('bad-1', { ...l1Config(), chainName: 'no-dashes!' }, opts)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const badPop = l1Config();
    badPop.validators[0] = { ...badPop.validators[0]!, proofOfPossession: badPop.validators[1]!.proofOfPossession };
    await expect(provisionL1('bad-2', badPop, opts)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await store.load('bad-1')).toBeNull();
    expect(p.state.accepted).toHaveLength(0);
  });

  it('a tx refused for a stale fee is replaced by one spending the same UTXO: still exactly one subnet', async () => {
    const store = new FileProvisionStore(dir);
    let bumped = false;
    const rec = await provisionL1('fee-1', l1Config(), {
      pchain: p.url,
      store,
      keys: { payer },
      hooks: {
        // the fee rises between signing and issuing: the first CreateSubnetTx pays too little
        persisted: (step) => {
          if (step === 'createSubnet' && !bumped) (bumped = true), (p.state.gas = { ...p.state.gas, excess: 30_000_000n });
        },
      },
    });
    expect(rec.step).toBe('done');
    expect(rec.txs.createSubnet!.rebuilds).toBe(1);
    expect(p.state.subnets.size).toBe(1);
    expect(rec.subnetId).toBe(rec.txs.createSubnet!.txId);
  });
  it("two runners of one provisioning at once: the store's compare-and-set stops one, exactly one subnet", async () => {
    // A clock that ticks on every request and a high fee excess: the price moves between the two
    // runners' builds, so they sign different txs (identical ones would merely be duplicates).
    await p.close();
    let t = 2_000_000_000;
    p = await pchainFor(payer, { clock: () => t++ });
    p.state.gas = { ...p.state.gas, excess: 30_000_000n };
    const store = new MemoryProvisionStore();
    const opts = { pchain: p.url, store, keys: { payer } };
    const results = await Promise.allSettled([provisionL1('race', l1Config(), opts), provisionL1('race', l1Config(), opts)]);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeLessThanOrEqual(1);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    const rec = await provisionL1('race', l1Config(), opts); // whatever happened, a rerun finishes it
    expect(rec.step).toBe('done');
    expect(p.state.subnets.size).toBe(1);
    expect(p.state.chains.size).toBe(1);
  });

  // avalanchego answers a re-issued COMMITTED tx with a verification failure (its inputs are spent:
  // vms/platformvm/network/gossip.go gossipMempool.Add → utxo/verifier.go), not "duplicate tx". A
  // runner that looked the tx up just before another runner issued the same persisted bytes gets
  // that refusal: it must look the tx up again and find it committed, never build a second subnet.
  it('a refusal of a tx that another runner just committed is read as committed: no replacement, one subnet', async () => {
    const store = new MemoryProvisionStore();
    const other = new PChainClient(p.url);
    let raced = false;
    const rec = await provisionL1('race-issue', l1Config(), {
      pchain: p.url,
      store,
      keys: { payer },
      hooks: {
        issuing: async (step, tx) => {
          if (step !== 'createSubnet' || raced) return;
          raced = true;
          expect(await other.issue(tx.signedHex)).toBe('accepted'); // the other runner's issue lands first
        },
      },
    });
    expect(raced).toBe(true);
    expect(rec.step).toBe('done');
    expect(rec.txs.createSubnet!.rebuilds).toBe(0);
    expect(rec.subnetId).toBe(rec.txs.createSubnet!.txId);
    expect(p.state.subnets.size).toBe(1);
  });

  // gossip.go: a dropped tx is answered with its cached drop reason and never verified again, so a
  // rebuild that comes out byte-identical (same UTXOs, same price) is refused the same way. The
  // resume must replace it by a tx that differs, spending the same UTXO.
  it('resumes past a dropped tx even when the price is back where it was signed: a different replacement lands', async () => {
    const store = new MemoryProvisionStore();
    const opts = { pchain: p.url, store, keys: { payer } };
    const calm = p.state.gas;
    await expect(
      provisionL1('dropped', l1Config(), {
        ...opts,
        hooks: {
          persisted: (step) => {
            if (step !== 'createSubnet') return;
            p.state.gas = { ...p.state.gas, excess: 30_000_000n }; // the fee rises before it is issued…
            throw new Error('crash after persisting'); // …and the process dies
          },
        },
      }),
    ).rejects.toThrow('crash after persisting');
    const first = (await store.load('dropped'))!.txs.createSubnet!;
    await expect(new PChainClient(p.url).issue(first.signedHex)).rejects.toMatchObject({ code: 'TX_REJECTED' }); // dropped, reason cached
    p.state.gas = calm; // the price is back: the same bytes would pay enough, but the node will not look again
    const rec = await provisionL1('dropped', l1Config(), opts);
    expect(rec.step).toBe('done');
    expect(rec.txs.createSubnet!.txId).not.toBe(first.txId);
    expect(rec.txs.createSubnet!.inputs.some((i) => first.inputs.includes(i))).toBe(true);
    expect(p.state.subnets.size).toBe(1);
  });
});
