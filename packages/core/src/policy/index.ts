export * from './types.ts';
export * from './schema.ts';
export * from './evaluate.ts';
