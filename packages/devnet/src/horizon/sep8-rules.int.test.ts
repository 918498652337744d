import { Operation, type Asset, type Keypair } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf, codesOf, startKit, type Kit } from './testkit.ts';

const failed = (...operations: string[]) => ({ transaction: 'tx_failed', operations });
const flags = (issuer: Keypair, trustor: Keypair, asset: Asset, f: { authorized?: boolean; authorizedToMaintainLiabilities?: boolean }) =>
  Operation.setTrustLineFlags({ trustor: trustor.publicKey(), asset, flags: f, source: issuer.publicKey() });
const wake = (i: Keypair, t: Keypair, a: Asset) => flags(i, t, a, { authorized: true, authorizedToMaintainLiabilities: false });
const rest = (i: Keypair, t: Keypair, a: Asset) => flags(i, t, a, { authorized: false, authorizedToMaintainLiabilities: true });

async function lineOf(kit: Kit, holder: Keypair) {
  const a = await kit.server.loadAccount(holder.publicKey());
  return a.balances.find((b) => 'asset_code' in b) as { balance: string; is_authorized: boolean; is_authorized_to_maintain_liabilities: boolean };
}

/**
 * What SEP-8 regulated assets rely on (stellar-protocol ecosystem/sep-0008.md, "Transaction
 * Composition"), as stellar-core applies it:
 * - PaymentOpFrame → PathPaymentOpFrameBase::updateSourceBalance / updateDestBalance use
 *   isAuthorized (TransactionUtils.cpp: the AUTHORIZED flag only): a line at
 *   AUTHORIZED_TO_MAINTAIN_LIABILITIES can neither send (op_src_not_authorized) nor receive
 *   (op_not_authorized);
 * - SetTrustLineFlagsOpFrame / TrustFlagsOpFrameBase::doApply: the issuer moves a line between
 *   the states; AUTHORIZED and MAINTAIN_LIABILITIES together are op_invalid_state
 *   (trustLineFlagAuthIsValid), so waking a line must clear MAINTAIN in the same operation;
 * - TransactionFrame applies operations all or nothing, and OperationFrame::checkSignature
 *   needs each operation's source (here the issuer, LOW threshold) to have signed.
 */
describe('local ledger: SEP-8 authorization sandwiches', () => {
  let kit: Kit;
  let issuer: Keypair;
  let asset: Asset;
  let a: Keypair;
  let b: Keypair;
  let open: Keypair;
  beforeAll(async () => {
    kit = await startKit();
    ({ issuer, asset } = await kit.regulatedAsset('SEPA'));
    [a, b, open] = [await kit.holder(asset, issuer), await kit.holder(asset, issuer), await kit.holder(asset, issuer)];
    await kit.submit(issuer, [Operation.payment({ destination: a.publicKey(), asset, amount: '50' })]);
    // Both lines rest authorized to maintain liabilities.
    await kit.submit(issuer, [rest(issuer, a, asset), rest(issuer, b, asset)]);
  });
  afterAll(() => kit?.close());

  it('resting lines can neither send nor receive', async () => {
    expect(await lineOf(kit, a)).toMatchObject({ is_authorized: false, is_authorized_to_maintain_liabilities: true });
    // The destination's line is checked first (PathPaymentOpFrameBase order), then the source's.
    expect(await codesOf(kit.submit(a, [Operation.payment({ destination: b.publicKey(), asset, amount: '1' })]))).toEqual(failed('op_not_authorized'));
    expect(await codesOf(kit.submit(a, [Operation.payment({ destination: open.publicKey(), asset, amount: '1' })]))).toEqual(failed('op_src_not_authorized'));
    expect(await codesOf(kit.submit(issuer, [Operation.payment({ destination: b.publicKey(), asset, amount: '1' })]))).toEqual(failed('op_not_authorized'));
  });

  it('a sandwich in ONE transaction (source A, issuer operations) moves the units and leaves both lines resting', async () => {
    const ops = [
      wake(issuer, a, asset),
      wake(issuer, b, asset),
      Operation.payment({ destination: b.publicKey(), asset, amount: '5' }),
      rest(issuer, b, asset),
      rest(issuer, a, asset),
    ];
    await kit.submit(a, ops, [a, issuer]);
    expect(await balanceOf(kit, a.publicKey(), asset)).toBe('45.0000000');
    expect(await balanceOf(kit, b.publicKey(), asset)).toBe('5.0000000');
    for (const h of [a, b]) expect(await lineOf(kit, h)).toMatchObject({ is_authorized: false, is_authorized_to_maintain_liabilities: true });
  });

  it('without the issuer signature the sandwich is refused (op_bad_auth), nothing moves', async () => {
    const ops = [
      wake(issuer, a, asset),
      wake(issuer, b, asset),
      Operation.payment({ destination: b.publicKey(), asset, amount: '1' }),
      rest(issuer, b, asset),
      rest(issuer, a, asset),
    ];
    expect(await codesOf(kit.submit(a, ops, [a]))).toEqual(failed('op_bad_auth', 'op_bad_auth', 'op_success', 'op_bad_auth', 'op_bad_auth'));
    expect(await balanceOf(kit, b.publicKey(), asset)).toBe('5.0000000');
  });

  it('all or nothing: a failing payment leaves the lines resting', async () => {
    const ops = [
      wake(issuer, a, asset),
      wake(issuer, b, asset),
      Operation.payment({ destination: b.publicKey(), asset, amount: '1000' }),
      rest(issuer, b, asset),
      rest(issuer, a, asset),
    ];
    expect(await codesOf(kit.submit(a, ops, [a, issuer]))).toEqual(failed('op_success', 'op_success', 'op_underfunded', 'op_success', 'op_success'));
    for (const h of [a, b]) expect(await lineOf(kit, h)).toMatchObject({ is_authorized: false, is_authorized_to_maintain_liabilities: true });
  });

  it('waking without clearing MAINTAIN is op_invalid_state; a fully unauthorized line is not woken by a rest flag', async () => {
    expect(await codesOf(kit.submit(issuer, [flags(issuer, a, asset, { authorized: true })]))).toEqual(failed('op_invalid_state'));
    // Deauthorized (frozen under SEP-8): the issuer can still claw back (ClawbackOpFrame skips authorization).
    await kit.submit(issuer, [flags(issuer, b, asset, { authorized: false, authorizedToMaintainLiabilities: false })]);
    expect(
      await codesOf(
        kit.submit(a, [wake(issuer, a, asset), Operation.payment({ destination: b.publicKey(), asset, amount: '1' }), rest(issuer, a, asset)], [a, issuer]),
      ),
    ).toEqual(failed('op_success', 'op_not_authorized', 'op_success'));
    await kit.submit(issuer, [Operation.clawback({ asset, from: b.publicKey(), amount: '5' })]);
    expect(await balanceOf(kit, b.publicKey(), asset)).toBe('0.0000000');
  });
});
