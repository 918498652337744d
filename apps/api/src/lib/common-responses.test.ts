import { describe, expect, it } from 'vitest';
import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, readOnly } from './route-kit.ts';
import { withCommonResponses } from './common-responses.ts';

const body = jsonBody(z.object({ a: z.string() }));
const ok = { 200: json(z.object({}), 'ok') };
const statuses = (r: Parameters<typeof withCommonResponses>[0]) => Object.keys(withCommonResponses(r).responses).map(Number).sort();

describe('withCommonResponses: the statuses the middleware answers, added at registration', () => {
  it('a mutation with a JSON body: 409 (idempotency), 413, 415, 404 for its id', () => {
    const route = createRoute({
      method: 'post',
      path: '/v1/things/{id}',
      ...mutation('funds.create'),
      request: { params: z.object({ id: z.string() }), body },
      responses: ok,
    });
    expect(statuses(route)).toEqual([200, 400, 401, 403, 404, 409, 413, 415]);
    const responses = withCommonResponses(route).responses as Record<number, { description: string }>;
    expect(responses[409]?.description).toContain('IDEMPOTENCY_MISMATCH');
  });

  it('a read: no 409/413/415', () => {
    const route = createRoute({ method: 'get', path: '/v1/things', ...readOnly('funds.read'), responses: { ...ok, ...problems() } });
    expect(statuses(route)).toEqual([200, 400, 401, 403]);
  });

  it('keeps a route’s own entries; a 400 of its own media type gains problem+json (the validation hook)', () => {
    const route = createRoute({
      method: 'post',
      path: '/public/{id}',
      request: { params: z.object({ id: z.string() }), body },
      responses: { ...ok, 400: json(z.object({ status: z.literal('rejected') }), 'rejected') },
    });
    const out = withCommonResponses(route).responses;
    expect(Object.keys(out).map(Number).sort()).toEqual([200, 400, 415]);
    expect(Object.keys((out[400] as { content: object }).content).sort()).toEqual(['application/json', 'application/problem+json']);
  });
});
