export { startAnvil, type AnvilNode, type AnvilOptions } from './node.ts';
export { anvilBinary } from './binary.ts';
export { anvilRpc, anvilCheats, AnvilRpcError, type AnvilCheats } from './rpc.ts';
export { ANVIL_DEV_ACCOUNTS, ANVIL_DEV_CHAIN_ID } from './keys.ts';
export { MULTICALL3_ADDRESS, installMulticall3 } from './multicall3.ts';
export { DEVNET_POOL_SWEEP_MS } from './pool-sweeper.ts';
