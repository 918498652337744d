import type { FiscusClient, Problem } from '@fiscus/client';
import { exitForStatus } from './exit-codes.ts';
import { formatText, type Progress, type Io } from './output.ts';

export interface Flags {
  json: boolean;
  wait: boolean;
  /** Poll interval while waiting / watching, ms. */
  intervalMs: number;
  /** Give up waiting after this long, ms. */
  timeoutMs: number;
  values: Record<string, string | undefined>;
}

export interface Ctx {
  client: FiscusClient;
  io: Io;
  flags: Flags;
  progress: Progress;
}

/** An answer the API refused: carries the exit code its status maps to. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem> | undefined,
  ) {
    super(problem?.detail ?? `HTTP ${status}`);
  }

  get exitCode(): number {
    return exitForStatus(this.status);
  }
}

/** A client answer's data, or the problem as an ApiError. */
export function unwrap<T>(r: { data?: T; error?: unknown; response: Response }): T {
  if (r.error !== undefined || r.data === undefined) throw new ApiError(r.response.status, r.error as Partial<Problem> | undefined);
  return r.data;
}

/** Prints a result: JSON as is with --json, else readable text (lists as columns). */
export function print(ctx: Ctx, value: unknown, columns?: string[]): void {
  ctx.io.out(ctx.flags.json ? `${JSON.stringify(value, null, 2)}\n` : formatText(value, columns));
}

export const idem = (ctx: Ctx) => ({ 'idempotency-key': ctx.flags.values['idempotency-key'] ?? crypto.randomUUID() });

export function required(ctx: Ctx, name: string): string {
  const v = ctx.flags.values[name];
  if (v === undefined || v === '') throw new UsageErrorFlag(name);
  return v;
}

export class UsageErrorFlag extends Error {
  constructor(readonly flag: string) {
    super(`missing --${flag}`);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
