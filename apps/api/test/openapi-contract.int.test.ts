import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { CHAIN, startHarness, type Harness } from './support/harness.ts';
import { acceptedWithin, loadContract, fillPath, type Contract, type Operation } from './support/openapi-contract.ts';
import { arbitraryFor, invalidFrom, type GenContext, type JsonSchema } from './support/schema-arbitrary.ts';
import { seedWorld, type World } from './support/seed.ts';

/**
 * The published contract, tested the way an outside tool would: every operation in
 * /openapi.json gets generated requests — valid per the document, and not — and every answer
 * must be a documented status whose body matches the documented schema (problem+json for
 * errors). ~70 operations × RUNS; FISCUS_FC_RUNS raises it for a longer hunt.
 */
const RUNS = Number(process.env.FISCUS_FC_RUNS ?? 12);

/**
 * Codes that say "this input can never succeed". A request valid per the document must not get
 * one: where the server knows a rule in advance, the document has to state it. Not listed, on
 * purpose: TOO_MANY_DECIMALS and AMOUNT_OUT_OF_RANGE (they depend on the fund's decimals) and
 * INVALID_ADDRESS (EIP-55 and StrKey checksums) — rules JSON Schema cannot carry.
 */
const INPUT_CODES = new Set(['VALIDATION_FAILED', 'INVALID_AMOUNT', 'INVALID_JURISDICTION', 'INVALID_CHAIN']);
/** The other rules JSON Schema cannot state (each is in the field's description instead). */
const UNSTATABLE = [
  /is not a valid CUSIP.*The check digit for/s, // a check digit
  /maturityDate must be after settlementDate/, // order of two fields
  /minHolding \d+ > maxHolding/, // order of two fields
  /a move needs two different chains/, // two fields that must differ
  /counterparty is the account itself/, // two fields that must differ (a cash movement's account and counterparty)
  /exceeds the maximum/, // a NAV's range depends on how many decimals it is given
  /EIP-55 checksum/, // a keccak checksum over the address
  /invalid BLS (public key|proof of possession)/, // a point on a curve, a signature
  /bad cb58|a node id is 20 bytes/, // a node id's cb58 checksum
];

type Auth = 'admin' | 'none' | 'investor';
interface Generated {
  auth: Auth;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: { kind: 'json' | 'raw' | 'text/plain'; value: unknown; valid: boolean };
  queryValid: boolean;
}

function requestArbitrary(o: Operation, ctx: GenContext, contract: Contract): fc.Arbitrary<Generated> {
  const params: JsonSchema[] = o.op.parameters ?? [];
  const pathParams = Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, arbitraryFor(p.schema, ctx, p.name)]));
  const queryParams = params.filter((p) => p.in === 'query');
  const queryArbs: Record<string, fc.Arbitrary<unknown>> = Object.fromEntries(queryParams.map((p) => [p.name, arbitraryFor(p.schema, ctx, p.name)]));
  const validQuery = fc.record(queryArbs, { requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name as string) }) as fc.Arbitrary<
    Record<string, unknown>
  >;
  const junkQuery = fc.dictionary(fc.constantFrom('limit', 'cursor', ...queryParams.map((p) => p.name)), fc.string({ maxLength: 12 }), { maxKeys: 2 });
  const query: fc.Arbitrary<{ q: Record<string, unknown>; ok: boolean }> = queryParams.length
    ? fc.oneof({ weight: 3, arbitrary: validQuery.map((q) => ({ q, ok: true })) }, { weight: 1, arbitrary: junkQuery.map((q) => ({ q, ok: false })) })
    : fc.constant({ q: {}, ok: true });
  const schema = o.op.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
  // The generator knows the structure; the document's own validator decides what is valid.
  const valid = schema ? arbitraryFor(schema, ctx).filter(acceptedWithin(o, contract)) : undefined;
  const body = valid
    ? fc.oneof(
        { weight: 4, arbitrary: valid.map((value) => ({ kind: 'json' as const, value, valid: true })) },
        {
          weight: 3,
          arbitrary: invalidFrom(arbitraryFor(schema!, ctx)).map((value) => ({ kind: 'json' as const, value, valid: contract.acceptsBody(o, value) })),
        },
        { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((value) => ({ kind: 'raw' as const, value: `{${value}`, valid: false })) },
        { weight: 1, arbitrary: valid.map((value) => ({ kind: 'text/plain' as const, value, valid: false })) },
      )
    : fc.constant(undefined);
  return fc
    .record({
      auth: fc.constantFrom<Auth>('admin', 'admin', 'admin', 'admin', 'none', 'investor'),
      params: fc.record(pathParams),
      query,
      body,
    })
    .map(({ auth, params: p, query: q, body: b }) => ({ auth, params: p, query: q.q, queryValid: q.ok, body: b }));
}

const toQueryString = (q: Record<string, unknown>) => {
  const entries = Object.entries(q)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]): [string, string] => [k, String(v)]);
  return entries.length ? `?${new URLSearchParams(entries)}` : '';
};

describeEachBackend('/openapi.json describes every answer the server gives', (backend) => {
  let h: Harness;
  let w: World;
  let contract: Contract;
  let ctx: GenContext;
  let investorKey: string;
  let usedIdempotencyKey: string;

  beforeAll(async () => {
    h = await startHarness(backend);
    w = await seedWorld(h);
    investorKey = await h.keyFor('investor', w.investorId);
    // A key only these tests may revoke (a generated DELETE must never lock the admin out).
    const spare = await h.call('POST', '/v1/api-keys', { body: { role: 'auditor' } });
    const ops = await h.call('GET', '/v1/operations?limit=1');
    usedIdempotencyKey = crypto.randomUUID();
    const investor = await h.call('POST', '/v1/investors', {
      idem: usedIdempotencyKey,
      body: { legalName: 'Key reuse', jurisdiction: 'DE', investorType: 'institutional' },
    });
    expect(investor.status).toBe(201);
    const doc = (await h.call('GET', '/openapi.json')).body as JsonSchema;
    contract = loadContract(doc);
    ctx = {
      components: doc.components?.schemas ?? {},
      hints: {
        fundId: [w.fundId],
        investorId: [w.investorId, w.otherInvestorId],
        chain: [CHAIN],
        address: [w.address, w.otherAddress],
        wallet: [w.address, w.otherAddress],
        keyId: [spare.body.apiKey.id],
        operationId: [ops.body.items[0].id],
        jurisdiction: ['US', 'DE'],
      },
    };
  }, 120_000);
  afterAll(() => h?.close());

  const send = (o: Operation, g: Generated) => {
    const path = fillPath(o.path, g.params) + toQueryString(g.query);
    const key = g.auth === 'admin' ? h.adminKey : g.auth === 'investor' ? investorKey : undefined;
    const b = g.body;
    if (!b) return h.call(o.method, path, { key });
    if (b.kind === 'raw') return h.call(o.method, path, { key, body: b.value as string });
    const headers = b.kind === 'text/plain' ? { 'content-type': 'text/plain' } : undefined;
    return h.call(o.method, path, { key, body: JSON.stringify(b.value), headers });
  };

  it('every operation: generated requests get documented statuses and bodies', async () => {
    const failures: string[] = [];
    const tally = new Map<number, number>();
    for (const o of contract.operations) {
      const before = failures.length;
      await fc
        .assert(
          fc.asyncProperty(requestArbitrary(o, ctx, contract), async (g) => {
            const r = await send(o, g);
            tally.set(r.status, (tally.get(r.status) ?? 0) + 1);
            const problems = contract.check(o, r);
            // A request valid per the document is never refused as malformed by the schema: where
            // the server knows a rule in advance, the document must say it.
            const valid = g.auth === 'admin' && g.queryValid && (g.body === undefined || g.body.valid);
            if (valid && r.status === 400 && INPUT_CODES.has(r.body?.code) && !UNSTATABLE.some((re) => re.test(r.body?.detail))) {
              problems.push(
                `${o.method} ${o.path}: a request valid per the schema was refused: ${r.text.slice(0, 400)} — sent ${JSON.stringify(g).slice(0, 400)}`,
              );
            }
            if (problems.length) failures.push(...problems);
            return problems.length === 0;
          }),
          { numRuns: RUNS, endOnFailure: true },
        )
        .catch((e: Error) => {
          // Counterexamples are collected below (one run lists every operation that fails); an
          // exception of the harness itself is a failure too.
          if (failures.length === before) failures.push(`${o.method} ${o.path}: ${e.message.slice(0, 400)}`);
        });
    }
    // How deep the generated requests got (FISCUS_CONTRACT_TRACE=1): mostly 4xx means the hints are off.
    if (process.env.FISCUS_CONTRACT_TRACE) console.error('statuses', Object.fromEntries([...tally].sort()));
    expect(tally.size).toBeGreaterThan(5);
    expect([...new Set(failures.map((f) => f.split(':')[0]))], failures.slice(0, 40).join('\n')).toEqual([]);
  }, 240_000);

  it('a known path with an unsupported method answers 405 with Allow', async () => {
    const byPath = new Map<string, Set<string>>();
    for (const o of contract.operations) byPath.set(o.path, (byPath.get(o.path) ?? new Set()).add(o.method));
    for (const [template, methods] of byPath) {
      if (!template.startsWith('/v1/')) continue;
      const path = fillPath(template, { fundId: w.fundId, chain: CHAIN });
      const other = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].find((m) => !methods.has(m))!;
      const r = await h.call(other, path, { body: other === 'GET' ? undefined : {} });
      expect(r.status, `${other} ${template}: ${r.text}`).toBe(405);
      expect(r.body.code).toBe('METHOD_NOT_ALLOWED');
      const allow = new Set(r.headers.get('allow')?.split(', '));
      for (const m of methods) expect(allow.has(m), `${template} Allow: ${r.headers.get('allow')}`).toBe(true);
      if (methods.has('GET')) expect(allow.has('HEAD')).toBe(true);
    }
  });

  it('a body that is not JSON answers 415 UNSUPPORTED_MEDIA_TYPE, documented on every JSON-body operation', async () => {
    for (const o of contract.operations.filter((x) => x.op.requestBody?.content?.['application/json'])) {
      const r = await h.call(o.method, fillPath(o.path, { fundId: w.fundId, chain: CHAIN }), { body: 'a=1', headers: { 'content-type': 'text/plain' } });
      expect(r.status, `${o.method} ${o.path}: ${r.text}`).toBe(415);
      expect(r.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(contract.check(o, r)).toEqual([]);
    }
  });

  it('a reused Idempotency-Key answers the documented 409 IDEMPOTENCY_MISMATCH on every mutation', async () => {
    const mutations = contract.operations.filter((o) => (o.op.parameters ?? []).some((p: JsonSchema) => p.in === 'header' && p.name === 'idempotency-key'));
    expect(mutations.length).toBeGreaterThan(20);
    for (const o of mutations) {
      const r = await h.call(o.method, fillPath(o.path, { fundId: w.fundId, chain: CHAIN }), {
        idem: usedIdempotencyKey,
        body: o.op.requestBody ? {} : undefined,
      });
      expect(r.status, `${o.method} ${o.path}: ${r.text}`).toBe(409);
      expect(r.body.code).toBe('IDEMPOTENCY_MISMATCH');
      expect(contract.check(o, r)).toEqual([]);
    }
  });
});

describe('contract helpers', () => {
  it('fillPath encodes values', () => {
    expect(fillPath('/v1/funds/{fundId}/x', { fundId: 'a/b' })).toBe('/v1/funds/a%2Fb/x');
  });
});
