import { Operation, type Horizon } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKit, type Kit } from './testkit.ts';

/** Collections: _embedded.records, cursors both ways, filters, include_failed, SSE streaming. */
describe('local ledger: paging and streaming', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit();
  });
  afterAll(() => kit.close());

  it('pages payments of an account by cursor, ascending and descending, and follows next links', async () => {
    const { issuer, asset } = await kit.regulatedAsset();
    const h = await kit.holder(asset, issuer);
    for (const amount of ['1', '2', '3', '4', '5']) await kit.submit(issuer, [Operation.payment({ destination: h.publicKey(), asset, amount })]);
    const first = await kit.server.payments().forAccount(h.publicKey()).order('asc').limit(2).call();
    expect(first.records.map((r: any) => r.type)).toEqual(['create_account', 'payment']);
    const second = await first.next();
    expect(second.records.map((r: any) => r.amount)).toEqual(['2.0000000', '3.0000000']);
    const rest = await kit.server.payments().forAccount(h.publicKey()).cursor(second.records[1]!.paging_token).limit(10).call();
    expect(rest.records.map((r: any) => r.amount)).toEqual(['4.0000000', '5.0000000']);
    const desc = await kit.server.payments().forAccount(h.publicKey()).order('desc').limit(1).call();
    expect((desc.records[0] as any).amount).toBe('5.0000000');
    const ops = await kit.server.operations().forAccount(h.publicKey()).limit(200).call();
    expect(ops.records.map((r) => r.type)).toEqual([
      'create_account',
      'change_trust',
      'set_trust_line_flags',
      'payment',
      'payment',
      'payment',
      'payment',
      'payment',
    ]);
    const ids = ops.records.map((r) => BigInt(r.id));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
  });

  it('lists the holders of an asset with /accounts?asset= and hides failed txs unless include_failed', async () => {
    const { issuer, asset } = await kit.regulatedAsset('HOLD');
    const holders = [await kit.holder(asset, issuer), await kit.holder(asset, issuer), await kit.holder(asset, issuer)];
    const page1 = await kit.server.accounts().forAsset(asset).limit(2).call();
    const page2 = await page1.next();
    const ids = [...page1.records, ...page2.records].map((a) => a.id);
    expect(ids).toEqual(holders.map((k) => k.publicKey()).sort());
    await kit.submit(issuer, [Operation.clawback({ asset, from: holders[0]!.publicKey(), amount: '1' })]).catch(() => undefined);
    const visible = await kit.server.operations().forAccount(issuer.publicKey()).limit(200).call();
    const all = await kit.server.operations().forAccount(issuer.publicKey()).includeFailed(true).limit(200).call();
    expect(all.records.length).toBe(visible.records.length + 1);
    expect(all.records.at(-1)!.transaction_successful).toBe(false);
  });

  it('streams new payments over SSE from cursor=now', async () => {
    const { issuer, asset } = await kit.regulatedAsset('STRM');
    const h = await kit.holder(asset, issuer);
    const got: string[] = [];
    const arrived = new Promise<void>((resolve) => {
      const close = kit.server
        .payments()
        .forAccount(h.publicKey())
        .cursor('now')
        .stream({
          onmessage: (p) => {
            got.push((p as unknown as Horizon.ServerApi.PaymentOperationRecord).amount);
            if (got.length === 2) {
              close();
              resolve();
            }
          },
        });
    });
    await new Promise((r) => setTimeout(r, 100));
    await kit.submit(issuer, [Operation.payment({ destination: h.publicKey(), asset, amount: '7' })]);
    await kit.submit(issuer, [Operation.payment({ destination: h.publicKey(), asset, amount: '8' })]);
    await arrived;
    expect(got).toEqual(['7.0000000', '8.0000000']);
  });
});
