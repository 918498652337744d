export { startPChain, type PChainOptions, type PChainServer } from './server.ts';
export { PChainState, PLATFORM_CHAIN_ID, LOCAL_NETWORK_ID, DEV_AVAX_ASSET_ID, type ChainRecord, type SubnetRecord } from './state.ts';
export { LOCAL_FEE_CONFIG, gasPrice, type FeeConfig } from './fees.ts';
export { conversionId, appendId } from './ids.ts';
export { txIdOf } from './wire.ts';
export { devValidator, type DevValidator } from './dev-validator.ts';
