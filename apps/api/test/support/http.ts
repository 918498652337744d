import type { AppOpenAPI } from '../../src/lib/types.ts';

export interface CallOptions {
  key?: string;
  /** An object is sent as JSON; a string is sent raw (malformed JSON tests). */
  body?: unknown;
  /** Idempotency-Key; `false` omits it. Default: a fresh random key on POST/PUT/PATCH/DELETE. */
  idem?: string | false;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function call(app: AppOpenAPI, method: string, path: string, o: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.key) headers.authorization = `Bearer ${o.key}`;
  if (MUTATING.has(method) && o.idem !== false) headers['idempotency-key'] = o.idem ?? crypto.randomUUID();
  let body: string | undefined;
  if (o.body !== undefined) {
    body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await app.request(path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/** Asserts the RFC 9457 shape; returns the problem for further checks. */
export function isProblem(r: CallResult): boolean {
  return (
    (r.headers.get('content-type') ?? '').startsWith('application/problem+json') &&
    typeof r.body?.code === 'string' &&
    typeof r.body?.title === 'string' &&
    r.body?.status === r.status &&
    typeof r.body?.type === 'string' &&
    typeof r.body?.detail === 'string' &&
    typeof r.body?.requestId === 'string' &&
    !/\bat .+\.(ts|js):\d+/.test(r.text)
  );
}
