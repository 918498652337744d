import { randomUUID } from 'node:crypto';
import { createFiscusClient, type FiscusClient, type Problem } from '@fiscus/client';
import type { Rng } from './rng.ts';

/** A client call gives up on one API after this long (a paused chain can hold a request). */
const REQUEST_TIMEOUT_MS = 30_000;
const ATTEMPTS = 6;

export type Outcome<T> =
  | { kind: 'ok'; data: T; status: number; key: string }
  | { kind: 'refused'; problem: Problem; status: number; key: string }
  /** No answer after every attempt (API down, 5xx): the request may or may not have been taken. */
  | { kind: 'unavailable'; reason: string; key: string };

export type Call<T> = (client: FiscusClient, key: string) => Promise<{ data?: T; error?: Problem; response: Response }>;

/**
 * A 409 the API marks `meta.retryable` (a concurrent request won a database race) is retried with
 * the same key; any other 4xx is the answer. Retrying every 409 CONFLICT was wrong: a state conflict
 * ("the wallet is frozen") answers the same for ever, and was reported as a lost request.
 */
export const isRetryable = (status: number, problem: Problem | undefined): boolean =>
  status === 409 && problem?.code === 'CONFLICT' && (problem.meta as { retryable?: unknown } | undefined)?.retryable === true;

/**
 * The soak's clients: one typed client per API process. A call picks an API at random, and on
 * a lost connection or a 5xx retries on the other with the SAME Idempotency-Key, as a careful
 * client would: a replay returns the first answer, so nothing is done twice.
 */
export class Apis {
  readonly clients: FiscusClient[];
  constructor(
    urls: string[],
    apiKey: string,
    private readonly rng: Rng,
  ) {
    this.clients = urls.map((baseUrl) =>
      createFiscusClient({ baseUrl, apiKey, fetch: (req: Request) => fetch(new Request(req, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })) }),
    );
  }

  async call<T>(fn: Call<T>, key: string = randomUUID(), attempts = ATTEMPTS): Promise<Outcome<T>> {
    let reason = '';
    let i = this.rng.int(0, this.clients.length - 1);
    for (let attempt = 0; attempt < attempts; attempt++) {
      const client = this.clients[i++ % this.clients.length]!;
      try {
        const r = await fn(client, key);
        if (r.response.status < 400) return { kind: 'ok', data: r.data as T, status: r.response.status, key };
        if (r.response.status < 500 && !isRetryable(r.response.status, r.error as Problem | undefined))
          return { kind: 'refused', problem: r.error as Problem, status: r.response.status, key };
        reason = `${r.response.status} ${(r.error as Problem | undefined)?.code ?? ''}`;
      } catch (e) {
        reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      }
      await sleep(Math.min(4_000, 300 * 2 ** attempt));
    }
    return { kind: 'unavailable', reason, key };
  }

  /** For reads and set-up that must succeed: retries until `deadlineMs`. */
  async must<T>(what: string, fn: Call<T>, deadlineMs = 120_000): Promise<T> {
    const until = Date.now() + deadlineMs;
    const key = randomUUID();
    for (;;) {
      const r = await this.call(fn, key, 3);
      if (r.kind === 'ok') return r.data;
      if (r.kind === 'refused') throw new Error(`${what}: ${r.status} ${r.problem?.code} ${r.problem?.detail ?? ''}`);
      if (Date.now() > until) throw new Error(`${what}: no answer (${r.reason})`);
    }
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
