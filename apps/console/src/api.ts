/** The API on the same origin. Every error becomes an ApiProblem carrying the problem+json as sent. */

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: { path?: string; message?: string }[];
  meta?: Record<string, unknown>;
}

export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`);
  }
}

const KEY = 'fiscus.apiKey';
/** sessionStorage: the key lives as long as the tab, never in localStorage or a cookie. */
export const storedKey = (): string | null => sessionStorage.getItem(KEY);
export const storeKey = (k: string | null): void => (k ? sessionStorage.setItem(KEY, k) : sessionStorage.removeItem(KEY));

let onUnauthenticated: () => void = () => {};
export const setOnUnauthenticated = (f: () => void): void => {
  onUnauthenticated = f;
};

async function toProblem(res: Response): Promise<Problem> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (body && typeof body.title === 'string') return { ...body, title: body.title, status: body.status ?? res.status };
  } catch {
    // not JSON: a proxy's page, say
  }
  return { title: res.statusText || 'Request failed', status: res.status, detail: text.slice(0, 300) || undefined };
}

export async function api<T>(method: string, path: string, body?: unknown, key: string | null = storedKey()): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // One key per click: a retry after a network error would reuse it (the API replays the first answer).
  if (method !== 'GET') headers['Idempotency-Key'] = crypto.randomUUID();
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiProblem({ title: 'API unreachable', status: 0, detail: String(e) });
  }
  if (!res.ok) {
    const problem = await toProblem(res);
    if (res.status === 401) onUnauthenticated();
    throw new ApiProblem(problem);
  }
  return (await res.json()) as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});

/** Query string from the defined values only. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
