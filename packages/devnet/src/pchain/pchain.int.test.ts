import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { utils } from '@avalabs/avalanchejs';
import { startPChain, type PChainServer } from './server.ts';
import { client, convert, createChain, createSubnet, sign, testKey, type Client } from './testkit.ts';
import { conversionId, appendId } from './ids.ts';
import { txIdOf } from './wire.ts';

const AVAX = 1_000_000_000n;
const alice = testKey(1);
const bob = testKey(2);

describe('P-Chain stand-in', () => {
  let p: PChainServer;
  let c: Client;
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pchain-'));
    p = await startPChain({
      funded: [
        { address: alice.pAddr, amount: 100n * AVAX },
        { address: bob.addr, amount: 5n * AVAX },
      ],
      stateFile: join(dir, 'p.json'),
    });
    c = await client(p.url);
  });
  afterEach(async () => {
    await p.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the context avalanchejs builds from, and the funded genesis UTXOs', async () => {
    expect(c.ctx.networkID).toBe(12345);
    expect(c.ctx.hrp).toBe('local');
    expect(c.ctx.pBlockchainID).toBe('11111111111111111111111111111111LpoYY');
    expect(Object.values(c.ctx.platformFeeConfig.weights)).toEqual([1, 1000, 1000, 4]);
    const utxos = await c.utxos(alice);
    expect(utxos).toHaveLength(1);
    expect((utxos[0]!.output as unknown as { amount(): bigint }).amount()).toBe(100n * AVAX);
    expect((await c.utxos(bob)).length).toBe(1);
  });

  it('derives the subnet id as the CreateSubnetTx id and commits it', async () => {
    const tx = await createSubnet(c, alice);
    const bytes = tx.getSignedTx().toBytes();
    const { txID } = await c.issue(tx);
    expect(txID).toBe(txIdOf(bytes));
    expect(await c.api.getTxStatus({ txID })).toMatchObject({ status: 'Committed' });
    const subnet = await c.api.getSubnet({ subnetID: txID });
    expect(subnet.controlKeys).toEqual([alice.pAddr]);
    expect(subnet.threshold).toBe('1');
    // getTx hands back the exact bytes (hex with checksum, as avalanchego encodes them)
    const back = await c.api.getTx({ txID });
    expect(utils.bufferToHex(back.toBytes())).toBe(utils.bufferToHex(bytes));
    // the change output is a new UTXO of alice, the genesis one is spent
    const after = await c.utxos(alice);
    expect(after).toHaveLength(1);
    expect(after[0]!.utxoId.txID.toString()).toBe(txID);
  });

  // avalanchego vms/platformvm/network/gossip.go gossipMempool.Add: a tx not in the mempool and
  // with no cached drop reason is verified again (block/executor/manager.go VerifyTx) against the
  // current state, where a committed tx's inputs are spent (utxo/verifier.go "failed to read
  // consumed UTXO"); the failure is cached (MarkDropped) and returned as is on the next issue.
  // service.go GetTxStatus looks at the committed state first, so the status stays Committed.
  it('re-issuing a committed tx is refused for its consumed inputs, and its status stays Committed', async () => {
    const tx = await createSubnet(c, alice);
    const { txID } = await c.issue(tx);
    const spent = tx.getTx() as unknown as { baseTx: { inputs: { utxoID: { txID: { toString(): string }; outputIdx: { value(): number } } }[] } };
    const input = spent.baseTx.inputs[0]!.utxoID;
    const reason = `failed to read consumed UTXO ${input.txID.toString()}:${input.outputIdx.value()} due to: not found`;
    await expect(c.issue(tx)).rejects.toThrow(`couldn't issue tx: failed verification: ${reason}`);
    expect(await c.api.getTxStatus({ txID })).toEqual({ status: 'Committed' });
    await expect(c.issue(tx)).rejects.toThrow(`couldn't issue tx: ${reason}`); // the cached drop reason
    expect(p.state.subnets.size).toBe(1);
  });

  // gossip.go gossipMempool.Add: "If the tx is being dropped - just ignore it": a dropped tx is
  // answered with its cached reason and NOT verified again, even once it would pass.
  it('re-issuing a dropped tx answers with the cached drop reason without verifying it again', async () => {
    const stale = await createSubnet(c, alice);
    const id = txIdOf(stale.getSignedTx().toBytes());
    const excess = p.state.gas.excess;
    p.state.gas = { ...p.state.gas, excess: 30_000_000n };
    const refused = await c.issue(stale).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(refused).toMatch(/^couldn't issue tx: failed verification: insufficient unlocked funds: needs \d+ more/);
    const reason = refused!.replace("couldn't issue tx: failed verification: ", '');
    p.state.gas = { ...p.state.gas, excess }; // the same bytes would now pay enough
    await expect(c.issue(stale)).rejects.toThrow(`couldn't issue tx: ${reason}`);
    expect(await c.api.getTxStatus({ txID: id })).toEqual({ status: 'Dropped', reason });
    expect(p.state.subnets.size).toBe(0);
    // A rebuild from the same UTXOs at the same price is the same bytes, hence the same id: refused too.
    await expect(c.issue(await createSubnet(c, alice))).rejects.toThrow(`couldn't issue tx: ${reason}`);
    await expect(c.issue(await createSubnet(c, alice, bob))).resolves.toMatchObject({ txID: expect.any(String) });
  });

  it('rejects a bad signature and reports the tx Dropped with the reason', async () => {
    const tx = await createSubnet(c, alice);
    const signed = tx.getSignedTx().toBytes();
    // flip one byte of r in the only signature (the last 65 bytes of the signed tx)
    const bad = new Uint8Array(signed);
    bad[bad.length - 65 + 5]! ^= 0x01;
    const hex = utils.bufferToHex(utils.addChecksum(bad));
    await expect(c.api.issueTx({ tx: hex })).rejects.toThrow(/failed to verify transfer: (wrong signature|could not recover)/);
    expect(await c.api.getTxStatus({ txID: txIdOf(bad) })).toMatchObject({ status: 'Dropped' });
    expect(await c.utxos(alice)).toHaveLength(1); // nothing spent
    // a tx signed by someone else than the UTXO owner
    const stolen = await createSubnet(c, alice);
    stolen.credentials[0] = (await sign(await createSubnet(c, bob), [bob])).credentials[0]!;
    await expect(c.issue(stolen)).rejects.toThrow(/wrong signature: expected signature from/);
  });

  it("rejects a CreateChainTx without the subnet owner's authorization, or signed by another key", async () => {
    const { txID: subnetId } = await c.issue(await createSubnet(c, alice));
    const unauth = await sign(await createChain(c, alice, subnetId), [alice]); // inputs only
    expect(unauth.hasAllSignatures()).toBe(false);
    await expect(c.issue(unauth)).rejects.toThrow(/unauthorized modification/);
    const wrongOwner = await sign(await createChain(c, bob, subnetId), [bob], bob);
    await expect(c.issue(wrongOwner)).rejects.toThrow(/unauthorized modification: wrong signature/);
    expect(p.state.chains.size).toBe(0);
  });

  it('checks the fee against the fee state: a tx built at an old price is refused, rebuilt at the current one it lands', async () => {
    const stale = await createSubnet(c, alice);
    p.state.gas = { ...p.state.gas, excess: 30_000_000n }; // price ≈ e^(30M/2.16M) ≈ 10^6 nAVAX/gas
    const { price } = await c.feeState();
    expect(price).toBeGreaterThan(100_000n);
    await expect(c.issue(stale)).rejects.toThrow(/insufficient unlocked funds: needs \d+ more/);
    const fresh = await createSubnet(c, alice);
    await expect(c.issue(fresh)).resolves.toMatchObject({ txID: txIdOf(fresh.getSignedTx().toBytes()) });
  });

  it('rejects a double spend: two txs over the same UTXO, the second finds it consumed', async () => {
    const a = await createSubnet(c, alice);
    const b = await createSubnet(c, alice, bob); // same UTXO, different owner → different tx
    await c.issue(a);
    await expect(c.issue(b)).rejects.toThrow(/failed to read consumed UTXO .* not found/);
    expect(p.state.subnets.size).toBe(1);
  });

  it("creates the chain (id = CreateChainTx id) and converts the subnet to an L1 with the P-Chain's conversion id; the subnet is then immutable", async () => {
    const { txID: subnetId } = await c.issue(await createSubnet(c, alice));
    const genesis = { config: { chainId: 777001 }, alloc: {} };
    const chainTx = await sign(await createChain(c, alice, subnetId, genesis), [alice], alice);
    const { txID: chainId } = await c.issue(chainTx);
    expect(chainId).toBe(txIdOf(chainTx.getSignedTx().toBytes()));
    expect(JSON.parse(new TextDecoder().decode(p.chain(chainId)!.genesis))).toEqual(genesis);
    expect((await c.api.getBlockchains()).blockchains).toEqual([
      { id: chainId, name: 'fund', subnetID: subnetId, vmID: 'srEXiWaHuhNyGwPUi444Tu47ZEDwxTWrbQiuD7FmgSAQ6X7Dy' },
    ]);

    const conv = await sign(await convert(c, alice, subnetId, chainId, ['v1', 'v2']), [alice], alice);
    await c.issue(conv);
    const u = conv.getTx() as unknown as { validators: { nodeId: { bytes: Uint8Array }; signer: { publicKey: Uint8Array }; weight: { value(): bigint } }[] };
    const sid = utils.base58check.decode(subnetId);
    const expected = conversionId(
      sid,
      utils.base58check.decode(chainId),
      utils.hexToBuffer('0x' + '00'.repeat(19) + '01'),
      u.validators.map((v) => ({ nodeId: v.nodeId.bytes, blsPublicKey: v.signer.publicKey, weight: v.weight.value() })),
    );
    const subnet = await c.api.getSubnet({ subnetID: subnetId });
    expect(subnet.conversionID).toBe(expected);
    expect(subnet.managerChainID).toBe(chainId);
    expect(subnet.managerAddress).toBe('0x' + '00'.repeat(19) + '01');
    expect(p.subnet(subnetId)!.conversion!.validationIds).toEqual([appendId(sid, 0), appendId(sid, 1)]);
    // the 2 validators' balances (1 AVAX each) left alice's funds
    const left = (await c.utxos(alice)).reduce((s, x) => s + (x.output as unknown as { amount(): bigint }).amount(), 0n);
    expect(left).toBeLessThan(98n * AVAX);

    const again = await sign(await createChain(c, alice, subnetId), [alice], alice);
    await expect(c.issue(again)).rejects.toThrow(/is immutable/);
  });

  it('keeps its state in the state file across a restart', async () => {
    const { txID: subnetId } = await c.issue(await createSubnet(c, alice));
    await p.close();
    p = await startPChain({
      funded: [
        { address: alice.pAddr, amount: 100n * AVAX },
        { address: bob.addr, amount: 5n * AVAX },
      ],
      stateFile: join(dir, 'p.json'),
    });
    c = await client(p.url);
    expect(await c.api.getTxStatus({ txID: subnetId })).toMatchObject({ status: 'Committed' });
    expect((await c.utxos(alice))[0]!.utxoId.txID.toString()).toBe(subnetId);
  });
});
