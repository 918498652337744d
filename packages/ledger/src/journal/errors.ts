import { FiscusError, type ErrorCode } from '@fiscus/core';

/**
 * The guards in drizzle/0001_ledger_guards.sql raise P0001 with a `fiscus:<rule>` marker.
 * Drivers wrap errors differently (drizzle's DrizzleQueryError around a query, the bare driver
 * error from COMMIT), so we walk the cause chain to find the database's message.
 */
const MARKERS: Record<string, { code: ErrorCode; message: string }> = {
  'fiscus:unbalanced_entry': { code: 'UNBALANCED_POSTING', message: 'Journal entry does not balance' },
  'fiscus:posting_mismatch': { code: 'VALIDATION_FAILED', message: 'Posting does not match its account' },
  'fiscus:account_guard': { code: 'FORBIDDEN', message: 'Ledger account balances only change through postings' },
  'fiscus:append_only': { code: 'FORBIDDEN', message: 'Ledger history is append-only' },
  'fiscus:audit_chain': { code: 'CONFLICT', message: 'Audit row does not extend the chain head' },
};

/** The database error (SQLSTATE + message) somewhere in `e`'s cause chain, if any. */
export function dbError(e: unknown): { code: string; message: string } | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 8; cur = (cur as { cause?: unknown }).cause, depth++) {
    const { code, message } = cur as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof message === 'string') return { code, message };
  }
  return undefined;
}

/** Which ledger rule the database refused with, e.g. 'fiscus:unbalanced_entry'. */
export function ledgerRule(e: unknown): string | undefined {
  const err = dbError(e);
  return err?.message.match(/fiscus:[a-z_]+/)?.[0];
}

/** A FiscusError for a ledger-guard refusal; anything else is returned unchanged. */
export function mapLedgerError(e: unknown): unknown {
  if (e instanceof FiscusError) return e;
  const rule = ledgerRule(e);
  const known = rule ? MARKERS[rule] : undefined;
  if (!known) return e;
  const details = dbError(e)?.message.replace(/^fiscus:[a-z_]+\s*/, '');
  return new FiscusError(known.code, known.message, { details, meta: { rule }, cause: e });
}
