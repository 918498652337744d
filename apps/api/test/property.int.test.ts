import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { startHarness, type Harness } from './support/harness.ts';
import { isProblem } from './support/http.ts';
import { MUTATING_ROUTES } from './support/routes.ts';
import { seedWorld, type World } from './support/seed.ts';

/** × 15 routes ≈ 120 generated requests per backend; FISCUS_FC_RUNS raises it for a longer hunt. */
const RUNS_PER_ROUTE = Number(process.env.FISCUS_FC_RUNS ?? 8);

/** Bodies: arbitrary JSON, or a valid body with one field swapped for arbitrary JSON or text. */
function bodies(valid: Record<string, unknown> | undefined) {
  const anyJson = fc.jsonValue({ maxDepth: 3 });
  const arbitrary = fc.oneof(
    anyJson,
    fc.string({ maxLength: 40 }).map((s) => `raw:${s}`),
  );
  if (!valid) return arbitrary;
  const keys = Object.keys(valid);
  const mutated = fc
    .tuple(fc.constantFrom(...keys), fc.oneof(anyJson, fc.string({ maxLength: 30 }), fc.stringMatching(/^-?\d{0,25}(\.\d{0,10})?$/)))
    .map(([k, v]) => ({ ...valid, [k]: v }));
  return fc.oneof(arbitrary, mutated);
}

describeEachBackend('generated bodies never produce a 5xx', (backend) => {
  let h: Harness;
  let w: World;
  beforeAll(async () => {
    h = await startHarness(backend);
    w = await seedWorld(h);
  });
  afterAll(() => h?.close());

  for (const route of MUTATING_ROUTES) {
    it(`${route.method} ${route.name}`, async () => {
      await fc.assert(
        fc.asyncProperty(bodies(route.valid?.(w)), async (body) => {
          const raw = typeof body === 'string' && body.startsWith('raw:') ? body.slice(4) : JSON.stringify(body);
          const r = await h.call(route.method, route.path(w), { body: raw });
          expect(r.status, `${r.status} ${r.text.slice(0, 300)}`).toBeLessThan(500);
          if (r.status >= 400) expect(isProblem(r)).toBe(true);
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    });
  }

  it('GET routes with generated ids and query strings', async () => {
    const segment = fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent);
    const query = fc.dictionary(fc.constantFrom('limit', 'cursor', 'state', 'kind', 'chain', 'fundId', 'afterSeq'), fc.string({ maxLength: 25 }));
    await fc.assert(
      fc.asyncProperty(
        segment,
        query,
        fc.constantFrom(
          '/v1/funds/:id',
          '/v1/funds/:id/supply',
          '/v1/investors/:id',
          '/v1/operations/:id',
          '/v1/operations',
          '/v1/audit',
          '/v1/funds/:id/reconciliations',
        ),
        async (id, q, template) => {
          const path = `${template.replace(':id', id)}?${new URLSearchParams(q)}`;
          const r = await h.call('GET', path);
          expect(r.status, `${path} → ${r.status} ${r.text.slice(0, 300)}`).toBeLessThan(500);
          if (r.status >= 400) expect(isProblem(r)).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });
});
