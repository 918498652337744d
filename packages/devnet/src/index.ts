export { ed25519Signer } from './keys.ts';
export { startMemChain, type MemChainOptions, type MemChainServer, type AppliedTxFilter } from './memchain/server.ts';
export type { FaultControl, FaultMode, FaultStep } from './memchain/faults.ts';
export type { TxRecord } from './memchain/chain.ts';
export { MemChainDriver, type MemChainDriverOptions } from './memchain/driver.ts';
export { canonicalMemAddress, isMemAddress, newMemAddress } from './memchain/codec.ts';
export { MAX_BATCH as MEMCHAIN_MAX_BATCH } from './memchain/token.ts';
