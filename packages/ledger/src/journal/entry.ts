import type { Commodity } from './accounts.ts';

/** A journal entry as callers give it (post.ts) — its own file, so both ways of writing one can import it. */
export interface Posting {
  /** Account code, e.g. `supply:eip155:1`; the account is created on first use. */
  account: string;
  commodity: Commodity;
  /** Signed, in base units (units) or micro-dollars (usd). */
  amount: bigint;
}

export interface PostEntryParameters {
  fundId: string;
  /** The operation that caused the entry; an operation posts at most once. */
  operationId?: string;
  memo: string;
  meta?: Record<string, unknown>;
  postings: Posting[];
}

export interface PostEntryReturnType {
  entryId: bigint;
}
