/** Queries shaped `(db, params)`: `db` is the root handle or an open transaction. */
export * from './funds.ts';
export * from './deployments.ts';
export * from './investors.ts';
export * from './wallets.ts';
export * from './api-keys.ts';
export * from './idempotency.ts';
export * from './operations.ts';
export * from './reconciliations.ts';
export * from './audit.ts';
export * from './nav.ts';
export * from './cap-table.ts';
export * from './avalanche.ts';
export * from './sep8.ts';
export * from './lists.ts';
