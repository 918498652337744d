export * from './db.ts';
export * from './notify.ts';
export * from './postgres-write-race.ts';
export * as schema from './schema/index.ts';
export * from './journal/index.ts';
export * from './audit/index.ts';
export * from './queries/index.ts';
export * from './table-statements.ts';
