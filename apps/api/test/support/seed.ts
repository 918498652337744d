import type { Harness } from './harness.ts';
import { CHAIN } from './harness.ts';

/** Fixtures made through the API itself, so the tests exercise the same paths as clients. */

function expect2xx(what: string, r: { status: number; text: string }) {
  if (r.status < 200 || r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text}`);
}

export async function createFund(h: Harness, body: Record<string, unknown> = {}): Promise<string> {
  const r = await h.call('POST', '/v1/funds', { body: { name: 'Test Fund', symbol: 'TST', ...body } });
  expect2xx('create fund', r);
  return r.body.id;
}

export async function deployFund(h: Harness, fundId: string): Promise<void> {
  const r = await h.call('POST', `/v1/funds/${fundId}/deployments`, { body: { chain: CHAIN } });
  expect2xx('deploy', r);
  const state = await h.settle(r.body.operation.id);
  if (state !== 'posted') throw new Error(`deploy ended ${state}`);
}

export async function createInvestor(h: Harness, body: Record<string, unknown> = {}): Promise<string> {
  const r = await h.call('POST', '/v1/investors', {
    body: { legalName: 'Investor', jurisdiction: 'US', investorType: 'institutional', kycStatus: 'verified', ...body },
  });
  expect2xx('create investor', r);
  return r.body.id;
}

export async function registerWallet(h: Harness, fundId: string, investorId: string, address = h.newAddress()): Promise<string> {
  const r = await h.call('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId, chain: CHAIN, address } });
  expect2xx('register wallet', r);
  const state = await h.settle(r.body.operation.id);
  if (state !== 'posted') throw new Error(`authorize ended ${state}`);
  return address;
}

export async function subscribe(h: Harness, fundId: string, investorId: string, address: string, units: string): Promise<void> {
  const r = await h.call('POST', `/v1/funds/${fundId}/subscriptions`, { body: { investorId, chain: CHAIN, address, units } });
  expect2xx('subscribe', r);
  const state = await h.settle(r.body.operation.id);
  if (state !== 'posted') throw new Error(`mint ended ${state}`);
}

export interface World {
  fundId: string;
  investorId: string;
  address: string;
  otherInvestorId: string;
  otherAddress: string;
}

/** A deployed fund, two verified investors with one authorized wallet each, 1000 units each. */
export async function seedWorld(h: Harness): Promise<World> {
  const fundId = await createFund(h);
  await deployFund(h, fundId);
  const investorId = await createInvestor(h);
  const otherInvestorId = await createInvestor(h, { legalName: 'Other' });
  const address = await registerWallet(h, fundId, investorId);
  const otherAddress = await registerWallet(h, fundId, otherInvestorId);
  await subscribe(h, fundId, investorId, address, '1000');
  await subscribe(h, fundId, otherInvestorId, otherAddress, '1000');
  return { fundId, investorId, address, otherInvestorId, otherAddress };
}
