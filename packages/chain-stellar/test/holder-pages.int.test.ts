import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keypair } from '@stellar/stellar-sdk';
import type { Holder } from '@fiscus/core';
import { fromDeployment, StellarDriver, localStellarKeyring } from '../src/index.ts';
import { LocalNetwork } from './support/local-network.ts';

/** A Horizon that answers every request with `status` and `body`. */
async function answering(status: number, body: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(body));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('holder listing (GET /accounts?asset=, fetched directly)', () => {
  let net: LocalNetwork;
  beforeAll(async () => {
    net = await LocalNetwork.start();
  });
  afterAll(() => net.close());
  /** The driver of this network's keys, talking to the Horizon at `url`. */
  const driverAt = (url: string) =>
    new StellarDriver({
      chain: 'stellar:local',
      horizonUrl: url,
      networkPassphrase: net.horizon.ledger.passphrase,
      keys: localStellarKeyring(net.seed),
      funding: { kind: 'friendbot', url: `${url}/friendbot` },
      homeDomain: 'fund.example.com',
    });

  it('lists every holder with a positive balance once, in pages of the driver size, and passes over other assets', async () => {
    const driver = net.driver({ pageSize: 7 });
    const deployment = await driver.deploy({ id: 'fund_pages', name: 'Pages', symbol: 'PGS', decimals: 6 });
    const d = fromDeployment(deployment);
    const seeded = Array.from({ length: 30 }, (_, i) => ({ account: Keypair.random().publicKey(), balance: BigInt(i) * 10n }));
    net.horizon.ledger.seedHolders(d.assetCode, d.issuer, seeded);
    // Same code, another issuer: not ours.
    net.horizon.ledger.seedHolders(d.assetCode, Keypair.random().publicKey(), [{ account: Keypair.random().publicKey(), balance: 50n }]);
    const listed: Holder[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await driver.holders(deployment, cursor);
      listed.push(...page.items);
      cursor = page.next;
      pages++;
    } while (cursor);
    // 30 trustlines in pages of 7: 5 pages (the last one short); the zero balance is not a holder.
    expect(pages).toBe(5);
    const expected = seeded.filter((h) => h.balance > 0n).map((h) => ({ address: h.account, units: h.balance / 10n }));
    expect(listed).toEqual(expected.sort((a, b) => (a.address < b.address ? -1 : 1)));
  });

  it.each([
    [503, 'CHAIN_UNAVAILABLE'],
    [429, 'CHAIN_UNAVAILABLE'],
    [400, 'INTERNAL'],
    [404, 'NOT_FOUND'],
  ])('maps a Horizon %i to %s with the problem in the message', async (status, code) => {
    const deployment = await net.driver().deploy({ id: `fund_err_${status}`, name: 'Errors', symbol: 'ERR', decimals: 6 });
    const { url, server } = await answering(status, '{"title":"horizon says no"}');
    try {
      const driver = driverAt(url);
      const err = await driver.holders(deployment).then(
        () => undefined,
        (e: unknown) => e as { code: string; message: string },
      );
      expect(err?.code).toBe(code);
      expect(err?.message).toContain('horizon says no');
    } finally {
      server.close();
    }
  });

  it('reads a page whose free-text fields are not ASCII (the body is then decoded as UTF-8)', async () => {
    const deployment = await net.driver().deploy({ id: 'fund_utf8', name: 'Utf8', symbol: 'UTF', decimals: 6 });
    const d = fromDeployment(deployment);
    const holder = Keypair.random().publicKey();
    const record = {
      id: holder,
      paging_token: holder,
      home_domain: 'fönd.example',
      data: { 'note€': 'w6Q=' },
      balances: [{ asset_type: 'credit_alphanum4', asset_code: d.assetCode, asset_issuer: d.issuer, balance: '1.2500000' }],
    };
    const { url, server } = await answering(200, JSON.stringify({ _embedded: { records: [record] } }));
    try {
      expect(await driverAt(url).holders(deployment)).toEqual({ items: [{ address: holder, units: 1_250_000n }] });
    } finally {
      server.close();
    }
  });

  it('maps a Horizon that is not there to CHAIN_UNAVAILABLE', async () => {
    const deployment = await net.driver().deploy({ id: 'fund_down', name: 'Down', symbol: 'DWN', decimals: 6 });
    const { url, server } = await answering(200, '{}');
    await new Promise((r) => server.close(r));
    const driver = driverAt(url);
    await expect(driver.holders(deployment)).rejects.toMatchObject({ code: 'CHAIN_UNAVAILABLE' });
  });
});
