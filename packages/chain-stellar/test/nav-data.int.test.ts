import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '@fiscus/core';
import type { StellarDriver } from '../src/index.ts';
import { LocalNetwork } from './support/local-network.ts';
import { runOp } from './support/run-op.ts';

describe('StellarDriver: NAV and attestation hash as issuer data entries (local ledger)', () => {
  let net: LocalNetwork;
  let driver: StellarDriver;
  let d: Deployment;

  beforeAll(async () => {
    net = await LocalNetwork.start();
    driver = net.driver();
    d = await driver.deploy({ id: `fund_${randomUUID()}`, name: 'Nav', symbol: 'NAVS', decimals: 6 });
  });
  afterAll(() => net.close());

  it('advertises the NAV feed capability', () => {
    expect(driver.capabilities.navFeed).toBe(true);
  });

  it('publishNav sets the nav entry; a later round replaces it', async () => {
    expect((await driver.oracleEntries(d)).nav).toBeUndefined();
    expect((await runOp(driver, d, { kind: 'publishNav', value: 1_000_123n, scale: 6, round: 2n, at: 1_700_000_000 })).status.kind).toBe('confirmed');
    expect((await driver.oracleEntries(d)).nav).toEqual({ round: 2n, value: 1_000_123n, scale: 6, at: 1_700_000_000 });
    await runOp(driver, d, { kind: 'publishNav', value: 999_999_999_999_999_999n, scale: 18, round: 3n, at: 1_700_086_400 });
    expect((await driver.oracleEntries(d)).nav).toEqual({ round: 3n, value: 999_999_999_999_999_999n, scale: 18, at: 1_700_086_400 });
  });

  it('a late, older round does not roll the entry back (its transaction rewrites the current one)', async () => {
    const { status } = await runOp(driver, d, { kind: 'publishNav', value: 1n, scale: 0, round: 2n, at: 1 });
    expect(status.kind).toBe('confirmed');
    expect((await driver.oracleEntries(d)).nav?.round).toBe(3n);
  });

  it('publishAttestation sets the por entries (64-byte hex hash, the DataValue limit)', async () => {
    const hash = 'cd'.repeat(32);
    expect((await runOp(driver, d, { kind: 'publishAttestation', hash, at: 1_700_090_000 })).status.kind).toBe('confirmed');
    expect((await driver.oracleEntries(d)).por).toEqual({ hash, at: 1_700_090_000 });
  });

  it('refuses a malformed hash before signing', async () => {
    await expect(driver.prepare({ kind: 'publishAttestation', hash: 'xyz', at: 1 }, { deployment: d, sequence: 1n })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
