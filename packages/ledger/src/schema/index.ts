export * from './funds.ts';
export * from './investors.ts';
export * from './operations.ts';
export * from './journal.ts';
export * from './platform.ts';
export * from './chain.ts';
