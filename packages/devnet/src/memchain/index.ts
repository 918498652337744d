/**
 * The memory chain alone (`@fiscus/devnet/memchain`): what a worker child process needs without the
 * package's other devnets, whose SDKs (Stellar ~1 s, ethers ~0.4 s) it would otherwise load at start.
 */
export { ed25519Signer } from '../keys.ts';
export { startMemChain, type MemChainOptions, type MemChainServer, type AppliedTxFilter } from './server.ts';
export type { FaultControl, FaultMode, FaultStep } from './faults.ts';
export type { TxRecord } from './chain.ts';
export { MemChainDriver, type MemChainDriverOptions } from './driver/memchain-driver.ts';
export { canonicalMemAddress, isMemAddress, newMemAddress } from './codec.ts';
export { MAX_BATCH as MEMCHAIN_MAX_BATCH } from './token.ts';
