import { Asset, Operation } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf, codesOf, startKit, type Kit } from './testkit.ts';

const failed = (...operations: string[]) => ({ transaction: 'tx_failed', operations });
const auth = (trustor: string, asset: Asset, flags: { authorized?: boolean; authorizedToMaintainLiabilities?: boolean; clawbackEnabled?: boolean }) =>
  Operation.setTrustLineFlags({ trustor, asset, flags });

/** stellar-core's rules for regulated classic assets, driven through the SDK. */
describe('local ledger: regulated asset rules', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit();
  });
  afterAll(() => kit.close());

  it('AUTH_REQUIRED: new lines are unauthorized; payments to and from them fail', async () => {
    const { issuer, asset } = await kit.regulatedAsset();
    const h = await kit.holder(asset);
    const line = (await kit.server.loadAccount(h.publicKey())).balances.find((b) => 'asset_code' in b) as any;
    expect([line.is_authorized, line.is_clawback_enabled]).toEqual([false, true]);
    expect(await codesOf(kit.submit(issuer, [Operation.payment({ destination: h.publicKey(), asset, amount: '1' })]))).toEqual(failed('op_not_authorized'));
    await kit.submit(issuer, [auth(h.publicKey(), asset, { authorized: true }), Operation.payment({ destination: h.publicKey(), asset, amount: '5' })]);
    const other = await kit.holder(asset);
    expect(await codesOf(kit.submit(h, [Operation.payment({ destination: other.publicKey(), asset, amount: '1' })]))).toEqual(failed('op_not_authorized'));
    const stranger = await kit.account();
    expect(await codesOf(kit.submit(h, [Operation.payment({ destination: stranger.publicKey(), asset, amount: '1' })]))).toEqual(failed('op_no_trust'));
  });

  it('freeze: deauthorized or maintain-liabilities lines can neither send nor receive; clawback still works', async () => {
    const { issuer, asset } = await kit.regulatedAsset();
    const [a, b] = [await kit.holder(asset, issuer), await kit.holder(asset, issuer)];
    await kit.submit(issuer, [Operation.payment({ destination: a.publicKey(), asset, amount: '10' })]);
    await kit.submit(issuer, [auth(a.publicKey(), asset, { authorized: false, authorizedToMaintainLiabilities: true })]);
    expect(await codesOf(kit.submit(a, [Operation.payment({ destination: b.publicKey(), asset, amount: '1' })]))).toEqual(failed('op_src_not_authorized'));
    expect(await codesOf(kit.submit(issuer, [Operation.payment({ destination: a.publicKey(), asset, amount: '1' })]))).toEqual(failed('op_not_authorized'));
    await kit.submit(issuer, [auth(a.publicKey(), asset, { authorizedToMaintainLiabilities: false })]);
    await kit.submit(issuer, [Operation.clawback({ asset, from: a.publicKey(), amount: '4' })]);
    expect(await balanceOf(kit, a.publicKey(), asset)).toBe('6.0000000');
    await kit.submit(issuer, [auth(a.publicKey(), asset, { authorized: true })]);
    await kit.submit(a, [Operation.payment({ destination: b.publicKey(), asset, amount: '1' })]);
    expect(await balanceOf(kit, b.publicKey(), asset)).toBe('1.0000000');
  });

  it('the clawback flag is copied to trustlines only at creation', async () => {
    const issuer = await kit.account();
    const asset = new Asset('EARLY', issuer.publicKey());
    await kit.submit(issuer, [Operation.setOptions({ setFlags: 3 as never })]); // required | revocable
    const early = await kit.holder(asset, issuer);
    await kit.submit(issuer, [Operation.setOptions({ setFlags: 8 as never })]);
    const late = await kit.holder(asset, issuer);
    await kit.submit(issuer, [
      Operation.payment({ destination: early.publicKey(), asset, amount: '2' }),
      Operation.payment({ destination: late.publicKey(), asset, amount: '2' }),
    ]);
    expect(await codesOf(kit.submit(issuer, [Operation.clawback({ asset, from: early.publicKey(), amount: '1' })]))).toEqual(failed('op_not_clawback_enabled'));
    await kit.submit(issuer, [Operation.clawback({ asset, from: late.publicKey(), amount: '1' })]);
    // setTrustLineFlags may clear the clawback flag but never set it (malformed: rejected, not applied).
    expect(await codesOf(kit.submit(issuer, [auth(early.publicKey(), asset, { clawbackEnabled: true })]))).toEqual(failed('op_malformed'));
    await kit.submit(issuer, [auth(late.publicKey(), asset, { clawbackEnabled: false })]);
    expect(await codesOf(kit.submit(issuer, [Operation.clawback({ asset, from: late.publicKey(), amount: '1' })]))).toEqual(failed('op_not_clawback_enabled'));
  });

  it('AUTH_REVOCABLE: without it authorization cannot be reduced (op_cant_revoke); clawback requires it', async () => {
    const issuer = await kit.account();
    const asset = new Asset('NOREV', issuer.publicKey());
    expect(await codesOf(kit.submit(issuer, [Operation.setOptions({ setFlags: 8 as never })]))).toEqual(failed('op_auth_revocable_required'));
    await kit.submit(issuer, [Operation.setOptions({ setFlags: 1 as never })]);
    const h = await kit.holder(asset, issuer);
    expect(await codesOf(kit.submit(issuer, [auth(h.publicKey(), asset, { authorized: false })]))).toEqual(failed('op_cant_revoke'));
    expect(await codesOf(kit.submit(issuer, [Operation.allowTrust({ trustor: h.publicKey(), assetCode: 'NOREV', authorize: 0 })]))).toEqual(
      failed('op_cant_revoke'),
    );
    expect(await codesOf(kit.submit(issuer, [Operation.allowTrust({ trustor: h.publicKey(), assetCode: 'NOREV', authorize: 2 })]))).toEqual(
      failed('op_cant_revoke'),
    );
    expect(await codesOf(kit.submit(issuer, [Operation.setOptions({ setFlags: 4 as never }), Operation.setOptions({ clearFlags: 1 as never })]))).toEqual(
      failed('op_success', 'op_cant_change'),
    );
  });

  it('setTrustLineFlags / allowTrust / clawback malformed and state checks', async () => {
    const { issuer, asset } = await kit.regulatedAsset();
    const h = await kit.holder(asset, issuer);
    const outsider = await kit.account();
    expect(await codesOf(kit.submit(issuer, [auth(h.publicKey(), asset, { authorized: true, authorizedToMaintainLiabilities: true })]))).toEqual(
      failed('op_malformed'),
    );
    expect(await codesOf(kit.submit(outsider, [auth(h.publicKey(), asset, { authorized: true })]))).toEqual(failed('op_malformed'));
    expect(await codesOf(kit.submit(issuer, [auth(outsider.publicKey(), asset, { authorized: true })]))).toEqual(failed('op_no_trust'));
    expect(await codesOf(kit.submit(issuer, [auth(h.publicKey(), asset, { authorizedToMaintainLiabilities: true })]))).toEqual(failed('op_invalid_state'));
    expect(await codesOf(kit.submit(issuer, [Operation.clawback({ asset, from: h.publicKey(), amount: '1' })]))).toEqual(failed('op_underfunded'));
    expect(await codesOf(kit.submit(issuer, [Operation.clawback({ asset, from: outsider.publicKey(), amount: '1' })]))).toEqual(failed('op_no_trust'));
    await kit.submit(issuer, [Operation.allowTrust({ trustor: h.publicKey(), assetCode: asset.getCode(), authorize: 2 })]);
    const line = (await kit.server.loadAccount(h.publicKey())).balances.find((b) => 'asset_code' in b) as any;
    expect([line.is_authorized, line.is_authorized_to_maintain_liabilities, line.is_clawback_enabled]).toEqual([false, true, true]);
  });

  it('op_line_full, op_underfunded, changeTrust limits and paying the issuer burns', async () => {
    const { issuer, asset } = await kit.regulatedAsset();
    const h = await kit.account();
    await kit.submit(h, [Operation.changeTrust({ asset, limit: '10' })]);
    await kit.submit(issuer, [auth(h.publicKey(), asset, { authorized: true })]);
    expect(await codesOf(kit.submit(issuer, [Operation.payment({ destination: h.publicKey(), asset, amount: '10.0000001' })]))).toEqual(failed('op_line_full'));
    await kit.submit(issuer, [Operation.payment({ destination: h.publicKey(), asset, amount: '10' })]);
    expect(await codesOf(kit.submit(h, [Operation.payment({ destination: issuer.publicKey(), asset, amount: '11' })]))).toEqual(failed('op_underfunded'));
    expect(await codesOf(kit.submit(h, [Operation.changeTrust({ asset, limit: '5' })]))).toEqual(failed('op_invalid_limit'));
    expect(await codesOf(kit.submit(issuer, [Operation.changeTrust({ asset })]))).toEqual(failed('op_malformed'));
    const supply = async () => (await kit.server.assets().forCode(asset.getCode()).forIssuer(issuer.publicKey()).call()).records[0]!.balances.authorized;
    expect(await supply()).toBe('10.0000000');
    await kit.submit(h, [Operation.payment({ destination: issuer.publicKey(), asset, amount: '3' })]);
    expect(await supply()).toBe('7.0000000');
    expect(await balanceOf(kit, h.publicKey(), asset)).toBe('7.0000000');
    expect(await codesOf(kit.submit(h, [Operation.changeTrust({ asset, limit: '0' })]))).toEqual(failed('op_invalid_limit'));
  });

  it('XLM reserves: payments cannot dip below the minimum balance; createAccount needs 1 XLM', async () => {
    const a = await kit.account();
    const b = await kit.account();
    expect(await codesOf(kit.submit(a, [Operation.payment({ destination: b.publicKey(), asset: Asset.native(), amount: '9999' })]))).toEqual(
      failed('op_underfunded'),
    );
    const fresh = (await import('@stellar/stellar-sdk')).Keypair.random().publicKey();
    expect(await codesOf(kit.submit(a, [Operation.createAccount({ destination: fresh, startingBalance: '0.9999999' })]))).toEqual(failed('op_low_reserve'));
    expect(await codesOf(kit.submit(a, [Operation.createAccount({ destination: b.publicKey(), startingBalance: '1' })]))).toEqual(failed('op_already_exists'));
    expect(await codesOf(kit.submit(a, [Operation.payment({ destination: fresh, asset: Asset.native(), amount: '1' })]))).toEqual(failed('op_no_destination'));
  });
});
