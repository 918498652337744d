export * from './errors.ts';
export * from './chain-id.ts';
export * from './operation.ts';
export * from './signer.ts';
export * from './driver.ts';
