import { randomUUID } from 'node:crypto';
import { Horizon } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDeployment } from '../src/index.ts';
import { HOME_DOMAIN, LocalNetwork } from './support/local-network.ts';

describe('StellarDriver.deploy on the local ledger', () => {
  let net: LocalNetwork;
  beforeAll(async () => {
    net = await LocalNetwork.start();
  });
  afterAll(() => net.close());

  it('issuer flags and home domain before any trustline; authorized, clawback-enabled distribution line; idempotent', async () => {
    const driver = net.driver();
    const fund = { id: `fund_${randomUUID()}`, name: 'T', symbol: 'TTF', decimals: 6 };
    const dep = await driver.deploy(fund);
    const d = fromDeployment(dep);
    const server = new Horizon.Server(net.horizon.url, { allowHttp: true });
    const issuer = await server.loadAccount(d.issuer);
    expect(issuer.flags).toMatchObject({ auth_required: true, auth_revocable: true, auth_clawback_enabled: true });
    expect(issuer.home_domain).toBe(HOME_DOMAIN);
    expect(Buffer.from(issuer.data_attr['fiscus:fund']!, 'base64').toString()).toBe(fund.id);
    const line = (await server.loadAccount(d.distribution)).balances.find((b) => 'asset_code' in b) as any;
    expect([line.asset_code, line.is_authorized, line.is_clawback_enabled]).toEqual(['TTF', true, true]);
    const seq = issuer.sequenceNumber();
    expect(await driver.deploy(fund)).toEqual(dep);
    expect((await server.loadAccount(d.issuer)).sequenceNumber()).toBe(seq); // nothing sent again
    // Another fund with the same symbol gets its own issuer (one regulated asset per issuing account).
    const other = fromDeployment(await driver.deploy({ ...fund, id: `fund_${randomUUID()}` }));
    expect(other.issuer).not.toBe(d.issuer);
  });
});
