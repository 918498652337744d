import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from './generated/openapi.ts';

export type { paths, components, operations } from './generated/openapi.ts';
export type FiscusClient = Client<paths>;

export interface FiscusClientOptions {
  /** The API's base URL, e.g. http://127.0.0.1:8080 (no trailing /v1). */
  baseUrl: string;
  /** An API key `fsk_<id>_<secret>`; omitted for the public routes. */
  apiKey?: string;
  /** Another fetch (tests: an in-process app's `request`). */
  fetch?: ClientOptions['fetch'];
}

/**
 * A typed client of the Fiscus API: every path, parameter, body and answer is checked against
 * the types generated from /openapi.json. Mutations need an `Idempotency-Key` header (typed as
 * required): pass `params: { header: { 'idempotency-key': … } }`.
 */
export function createFiscusClient(o: FiscusClientOptions): FiscusClient {
  return createClient<paths>({
    baseUrl: o.baseUrl.replace(/\/+$/, ''),
    headers: o.apiKey ? { authorization: `Bearer ${o.apiKey}` } : undefined,
    fetch: o.fetch,
  });
}

/** The problem+json body of an error answer (RFC 9457 with a stable `code`). */
export type Problem = import('./generated/openapi.ts').components['schemas']['Problem'];
