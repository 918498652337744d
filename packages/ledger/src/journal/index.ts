export * from './accounts.ts';
export * from './errors.ts';
export * from './post.ts';
export * from './balances.ts';
export * from './supply.ts';
