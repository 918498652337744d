import { Asset, Claimant, Operation, xdr } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf, codesOf, startKit, type Kit } from './testkit.ts';

const failed = (...operations: string[]) => ({ transaction: 'tx_failed', operations });

/**
 * Path payments and claimable balances on a regulated asset, with stellar-core's rules
 * (PathPaymentStrict{Send,Receive}OpFrame, {Create,Claim,Clawback}ClaimableBalanceOpFrame) and
 * the Horizon records the SDK reads.
 */
describe('local ledger: path payments and claimable balances', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit();
  });
  afterAll(() => kit.close());

  const opsOf = async (hash: string) => (await kit.server.operations().forTransaction(hash).call()).records as any[];
  const supply = async (asset: Asset) => (await kit.server.assets().forCode(asset.getCode()).forIssuer(asset.getIssuer()!).call()).records[0] as any;

  it('same-asset path payments move the asset like a payment: to the issuer burns, from it mints; records as Horizon', async () => {
    const { issuer, asset } = await kit.regulatedAsset();
    const [a, b] = [await kit.holder(asset, issuer), await kit.holder(asset, issuer)];
    const mint = await kit.submit(issuer, [
      Operation.pathPaymentStrictReceive({ sendAsset: asset, sendMax: '10', destination: a.publicKey(), destAsset: asset, destAmount: '10', path: [] }),
    ]);
    expect(await balanceOf(kit, a.publicKey(), asset)).toBe('10.0000000');
    const [rec] = await opsOf(mint.hash);
    expect(rec).toMatchObject({
      type: 'path_payment_strict_receive',
      type_i: 2,
      from: issuer.publicKey(),
      to: a.publicKey(),
      amount: '10.0000000',
      source_amount: '10.0000000',
      source_max: '10.0000000',
      asset_code: asset.getCode(),
      source_asset_code: asset.getCode(),
      path: [],
    });
    // The success result carries `last` (what the destination received) and no offers.
    const res = xdr.TransactionResult.fromXdr(mint.result_xdr, 'base64').toXdrObject() as any;
    expect(res.result.results[0].tr.pathPaymentStrictReceiveResult.success.last.amount).toBe(100_000_000n);

    const two = await kit.submit(a, [
      Operation.pathPaymentStrictSend({ sendAsset: asset, sendAmount: '3', destination: b.publicKey(), destAsset: asset, destMin: '3', path: [] }),
      Operation.pathPaymentStrictSend({ sendAsset: asset, sendAmount: '2', destination: issuer.publicKey(), destAsset: asset, destMin: '1', path: [] }),
    ]);
    expect((await opsOf(two.hash)).map((r) => [r.type, r.to, r.amount, r.destination_min])).toEqual([
      ['path_payment_strict_send', b.publicKey(), '3.0000000', '3.0000000'],
      ['path_payment_strict_send', issuer.publicKey(), '2.0000000', '1.0000000'],
    ]);
    expect([await balanceOf(kit, a.publicKey(), asset), await balanceOf(kit, b.publicKey(), asset)]).toEqual(['5.0000000', '3.0000000']);
    expect((await supply(asset)).balances.authorized).toBe('8.0000000'); // 2 burned
    // Listed under the destination's operations too (Horizon participants).
    const ofB = (await kit.server.operations().forAccount(b.publicKey()).call()).records.map((r: any) => r.type);
    expect(ofB).toContain('path_payment_strict_send');
  });

  it('refusals: bounds, authorization, and no order book (op_too_few_offers for any cross-asset hop)', async () => {
    const { issuer, asset } = await kit.regulatedAsset();
    const a = await kit.holder(asset, issuer);
    const unauthorized = await kit.holder(asset);
    await kit.submit(issuer, [Operation.payment({ destination: a.publicKey(), asset, amount: '5' })]);
    const send = (o: Partial<Parameters<typeof Operation.pathPaymentStrictSend>[0]>) =>
      kit.submit(a, [
        Operation.pathPaymentStrictSend({ sendAsset: asset, sendAmount: '1', destination: issuer.publicKey(), destAsset: asset, destMin: '1', path: [], ...o }),
      ]);
    const receive = (o: Partial<Parameters<typeof Operation.pathPaymentStrictReceive>[0]>) =>
      kit.submit(a, [
        Operation.pathPaymentStrictReceive({
          sendAsset: asset,
          sendMax: '1',
          destination: issuer.publicKey(),
          destAsset: asset,
          destAmount: '1',
          path: [],
          ...o,
        }),
      ]);
    expect(await codesOf(send({ destMin: '2' }))).toEqual(failed('op_under_dest_min'));
    expect(await codesOf(receive({ destAmount: '2' }))).toEqual(failed('op_over_source_max'));
    expect(await codesOf(send({ sendAmount: '6', destMin: '6' }))).toEqual(failed('op_underfunded'));
    expect(await codesOf(send({ destination: unauthorized.publicKey() }))).toEqual(failed('op_not_authorized'));
    expect(await codesOf(receive({ destAsset: Asset.native(), destination: unauthorized.publicKey() }))).toEqual(failed('op_too_few_offers'));
    expect(await codesOf(send({ destAsset: Asset.native(), destination: unauthorized.publicKey() }))).toEqual(failed('op_too_few_offers'));
    // A path through another asset needs offers even when both ends are the fund's asset.
    expect(await codesOf(send({ path: [Asset.native()] }))).toEqual(failed('op_too_few_offers'));
    // A path of the same asset only crosses nothing: it applies.
    await send({ path: [asset] });
    expect(await balanceOf(kit, a.publicKey(), asset)).toBe('4.0000000');
    // A path payment after a failed op is reported (not applied) in a decodable result.
    const after = kit.submit(a, [
      Operation.payment({ destination: unauthorized.publicKey(), asset, amount: '1' }),
      Operation.pathPaymentStrictSend({ sendAsset: asset, sendAmount: '1', destination: issuer.publicKey(), destAsset: asset, destMin: '1', path: [] }),
      Operation.createClaimableBalance({ asset, amount: '1', claimants: [new Claimant(issuer.publicKey())] }),
    ]);
    expect(await codesOf(after)).toEqual(failed('op_not_authorized', 'op_success', 'op_success'));
    expect(await balanceOf(kit, a.publicKey(), asset)).toBe('4.0000000');
  });

  it('claimable balances: created from a line (reserve taken), claimed by the issuer = burned, served under /claimable_balances/:id/operations', async () => {
    const { issuer, asset } = await kit.regulatedAsset();
    const a = await kit.holder(asset, issuer);
    await kit.submit(issuer, [Operation.payment({ destination: a.publicKey(), asset, amount: '5' })]);
    const created = await kit.submit(a, [
      Operation.createClaimableBalance({
        asset,
        amount: '2',
        claimants: [new Claimant(issuer.publicKey()), new Claimant(a.publicKey(), Claimant.predicateBeforeRelativeTime('60'))],
      }),
    ]);
    const id = (xdr.TransactionResult.fromXdr(created.result_xdr, 'base64').toXdrObject() as any).result.results[0].tr.createClaimableBalanceResult.balanceId;
    const balanceId = `00000000${Buffer.from(id.v0).toString('hex')}`;
    expect((await kit.server.loadAccount(a.publicKey())).num_sponsoring).toBe(2);
    expect(await balanceOf(kit, a.publicKey(), asset)).toBe('3.0000000');
    expect(await supply(asset)).toMatchObject({ claimable_balances_amount: '2.0000000', num_claimable_balances: 1 });
    const [rec] = await opsOf(created.hash);
    expect(rec).toMatchObject({
      type: 'create_claimable_balance',
      asset: `${asset.getCode()}:${issuer.publicKey()}`,
      amount: '2.0000000',
      claimants: [
        { destination: issuer.publicKey(), predicate: { unconditional: true } },
        { destination: a.publicKey(), predicate: { rel_before: '60' } },
      ],
    });
    // The issuer sees it in its history (a claimant), then claims it: burned.
    expect((await kit.server.operations().forAccount(issuer.publicKey()).call()).records.map((r: any) => r.type)).toContain('create_claimable_balance');
    const stranger = await kit.holder(asset, issuer);
    expect(await codesOf(kit.submit(stranger, [Operation.claimClaimableBalance({ balanceId })]))).toEqual(failed('op_cannot_claim'));
    const claim = await kit.submit(issuer, [Operation.claimClaimableBalance({ balanceId })]);
    expect((await opsOf(claim.hash))[0]).toMatchObject({ type: 'claim_claimable_balance', balance_id: balanceId, claimant: issuer.publicKey() });
    expect(await supply(asset)).toMatchObject({ claimable_balances_amount: '0.0000000', num_claimable_balances: 0 });
    expect((await kit.server.loadAccount(a.publicKey())).num_sponsoring).toBe(0);
    expect(await codesOf(kit.submit(issuer, [Operation.claimClaimableBalance({ balanceId })]))).toEqual(failed('op_does_not_exist'));
    const history = (await kit.server.operations().forClaimableBalance(balanceId).call()).records.map((r: any) => r.type);
    expect(history).toEqual(['create_claimable_balance', 'claim_claimable_balance']);
  });

  it('clawback of a claimable balance: issuer only, only when the creating line had clawback enabled', async () => {
    const { issuer, asset } = await kit.regulatedAsset();
    const [a, b] = [await kit.holder(asset, issuer), await kit.holder(asset, issuer)];
    await kit.submit(issuer, [Operation.payment({ destination: a.publicKey(), asset, amount: '5' })]);
    const create = async () => {
      const r = await kit.submit(a, [Operation.createClaimableBalance({ asset, amount: '1', claimants: [new Claimant(b.publicKey())] })]);
      const id = (xdr.TransactionResult.fromXdr(r.result_xdr, 'base64').toXdrObject() as any).result.results[0].tr.createClaimableBalanceResult.balanceId;
      return `00000000${Buffer.from(id.v0).toString('hex')}`;
    };
    const first = await create();
    expect(await codesOf(kit.submit(b, [Operation.clawbackClaimableBalance({ balanceId: first })]))).toEqual(failed('op_not_issuer'));
    const back = await kit.submit(issuer, [Operation.clawbackClaimableBalance({ balanceId: first })]);
    expect((await opsOf(back.hash))[0]).toMatchObject({ type: 'clawback_claimable_balance', balance_id: first });
    expect((await supply(asset)).claimable_balances_amount).toBe('0.0000000');
    // A claimant's claim moves it to its line.
    const second = await create();
    await kit.submit(b, [Operation.claimClaimableBalance({ balanceId: second })]);
    expect(await balanceOf(kit, b.publicKey(), asset)).toBe('1.0000000');
    // Clawback cleared on a's line: new balances from it cannot be clawed back.
    await kit.submit(issuer, [Operation.setTrustLineFlags({ trustor: a.publicKey(), asset, flags: { clawbackEnabled: false } })]);
    const third = await create();
    expect(await codesOf(kit.submit(issuer, [Operation.clawbackClaimableBalance({ balanceId: third })]))).toEqual(failed('op_not_clawback_enabled'));
    // Malformed: duplicate claimants (rejected before applying).
    const dup = kit.submit(a, [
      Operation.createClaimableBalance({ asset, amount: '1', claimants: [new Claimant(b.publicKey()), new Claimant(b.publicKey())] }),
    ]);
    expect((await codesOf(dup)).operations).toEqual(['op_malformed']);
  });
});
