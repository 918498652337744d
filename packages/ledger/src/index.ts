export * from './db.ts';
export * as schema from './schema/index.ts';
