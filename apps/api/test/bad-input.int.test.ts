import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { startHarness, type Harness } from './support/harness.ts';
import { isProblem, type CallResult } from './support/http.ts';
import { BAD_VALUES, MUTATING_ROUTES, type MutatingRoute } from './support/routes.ts';
import { seedWorld, type World } from './support/seed.ts';

interface Case {
  route: string;
  what: string;
  status: number | '4xx';
  send(h: Harness, w: World): Promise<CallResult>;
}

/** The matrix: every mutating route × every kind of bad input. */
function casesFor(r: MutatingRoute): Case[] {
  const cases: Case[] = [];
  const add = (what: string, status: Case['status'], send: Case['send']) => cases.push({ route: r.name, what, status, send });
  const post = (h: Harness, w: World, body: unknown, path = r.path(w)) => h.call(r.method, path, { body });
  const bodyless = !r.valid;
  add('malformed JSON', bodyless ? '4xx' : 400, (h, w) => post(h, w, '{"chain": '));
  add('oversized body', 413, (h, w) => post(h, w, JSON.stringify({ pad: 'x'.repeat(70 * 1024) })));
  add('wrong content type', bodyless ? '4xx' : 415, (h, w) =>
    h.call(r.method, r.path(w), { body: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  );
  if (r.unknownPath) add('unknown id in path', 404, (h, w) => post(h, w, r.valid!(w), r.unknownPath!(w)));
  if (bodyless) {
    add('unknown id', 404, (h, w) => post(h, w, undefined));
    return cases;
  }
  for (const body of ['[]', '"text"', '42', 'null']) add(`body ${body}`, 400, (h, w) => post(h, w, body));
  add('unknown field', 400, (h, w) => post(h, w, { ...r.valid!(w), surprise: 1 }));
  for (const [field, spec] of Object.entries(r.fields ?? {})) {
    if (spec.required) {
      add(`missing ${field}`, 400, (h, w) => {
        const { [field]: _drop, ...rest } = r.valid!(w);
        return post(h, w, rest);
      });
    }
    for (const [value, status] of BAD_VALUES[spec.kind]) {
      add(`${field} = ${JSON.stringify(value)?.slice(0, 30)}`, status, (h, w) => post(h, w, { ...r.valid!(w), [field]: value }));
    }
  }
  return cases;
}

const CASES = MUTATING_ROUTES.flatMap(casesFor);

describeEachBackend('bad input on every mutating route → 4xx problem+json', (backend) => {
  let h: Harness;
  let w: World;
  beforeAll(async () => {
    h = await startHarness(backend);
    w = await seedWorld(h);
  });
  afterAll(() => h?.close());

  it(`answers ${CASES.length} bad requests with the expected 4xx problem`, async () => {
    const failures: string[] = [];
    for (const c of CASES) {
      const r = await c.send(h, w);
      const statusOk = c.status === '4xx' ? r.status >= 400 && r.status < 500 : r.status === c.status;
      if (!statusOk || !isProblem(r)) failures.push(`${c.route} / ${c.what}: expected ${c.status}, got ${r.status} ${r.text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });

  it('names every failing field of a body', async () => {
    const r = await h.call('POST', '/v1/investors', { body: { legalName: 5, investorType: 'nope' } });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
    expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['json.investorType', 'json.jurisdiction', 'json.legalName']);
  });

  it('reports amounts and addresses with their stable codes', async () => {
    const base = { investorId: w.investorId, chain: 'memory:devnet', address: w.address };
    const tooPrecise = await h.call('POST', `/v1/funds/${w.fundId}/subscriptions`, { body: { ...base, units: '1.1234567' } });
    expect(tooPrecise.body).toMatchObject({ code: 'TOO_MANY_DECIMALS', meta: { field: 'units' } });
    const huge = await h.call('POST', `/v1/funds/${w.fundId}/subscriptions`, { body: { ...base, units: '99999999999999999999' } });
    expect(huge.body.code).toBe('AMOUNT_OUT_OF_RANGE');
    const negative = await h.call('POST', `/v1/funds/${w.fundId}/redemptions`, { body: { ...base, units: '-5' } });
    expect(negative.body.code).toBe('INVALID_AMOUNT');
    const address = await h.call('POST', `/v1/funds/${w.fundId}/subscriptions`, { body: { ...base, address: '0x123', units: '1' } });
    expect(address.body.code).toBe('INVALID_ADDRESS');
    const chain = await h.call('POST', `/v1/funds/${w.fundId}/deployments`, { body: { chain: 'eip155:1' } });
    expect(chain.status).toBe(422);
    expect(chain.body.code).toBe('CHAIN_NOT_CONFIGURED');
    expect(chain.body.detail).toContain('memory:devnet');
    const overdraw = await h.call('POST', `/v1/funds/${w.fundId}/redemptions`, { body: { ...base, units: '1000000' } });
    expect(overdraw).toMatchObject({ status: 422, body: { code: 'INSUFFICIENT_BALANCE' } });
  });

  it('refuses unauthenticated and unknown routes with problems', async () => {
    for (const key of [undefined, 'garbage', 'fsk_key_x_0123456789abcdef0123', `${h.adminKey}0`]) {
      const r = await h.call('GET', '/v1/funds', { key: key ?? '' });
      expect(r.status).toBe(401);
      expect(isProblem(r)).toBe(true);
    }
    const beyondInt8 = await h.call('GET', '/v1/audit?afterSeq=9999999999999999999');
    expect(beyondInt8.status).toBe(400);
    expect(isProblem(beyondInt8)).toBe(true);
    const unknown = await h.call('GET', '/v1/does-not-exist');
    expect(unknown.status).toBe(404);
    expect(isProblem(unknown)).toBe(true);
  });
});
