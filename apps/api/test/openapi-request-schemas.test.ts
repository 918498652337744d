import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/openapi-document.ts';
import { acceptedWithin, loadContract } from './support/openapi-contract.ts';
import { arbitraryFor, type JsonSchema } from './support/schema-arbitrary.ts';

/**
 * Every request body the document describes can be satisfied: a client generated from it can
 * send something. RedemptionRequest was allOf[HolderAmount, {payToWalletId, additionalProperties:
 * false}] — each half forbade the other's fields, so no body was valid and the contract test's
 * generator looped for ever.
 */
describe('/openapi.json request bodies', async () => {
  const doc = (await openApiDocument()) as JsonSchema;
  const contract = loadContract(doc);
  const ctx = { components: doc.components?.schemas ?? {}, hints: {} };
  const withBody = contract.operations.filter((o) => o.op.requestBody?.content?.['application/json']?.schema);

  it.each(withBody.map((o) => [`${o.method} ${o.path}`, o] as const))('%s: the document accepts generated bodies', (_name, o) => {
    const schema = o.op.requestBody.content['application/json'].schema as JsonSchema;
    const bodies = fc.sample(arbitraryFor(schema, ctx).filter(acceptedWithin(o, contract)), { numRuns: 3, seed: 42 });
    expect(bodies.every((b) => contract.acceptsBody(o, b))).toBe(true);
  });

  it('the bound turns a schema nothing satisfies into an error naming the route, not a hang', () => {
    const closed = (name: string) => ({ type: 'object', properties: { [name]: { type: 'string' } }, required: [name], additionalProperties: false });
    const o = {
      method: 'POST',
      path: '/unsatisfiable',
      op: { requestBody: { content: { 'application/json': { schema: { allOf: [closed('a'), closed('b')] } } } } },
    };
    const c = loadContract({ paths: { '/unsatisfiable': { post: o.op } }, components: {} });
    const bodies = arbitraryFor(closed('a'), ctx).filter(acceptedWithin(c.operations[0]!, c));
    expect(() => fc.sample(bodies, 1)).toThrow(/POST \/unsatisfiable: 5000 generated bodies in a row/);
  });
});
