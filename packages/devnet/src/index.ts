export { ed25519Signer } from './keys.ts';
export { startMemChain, type MemChainOptions, type MemChainServer, type AppliedTxFilter } from './memchain/server.ts';
export type { FaultControl, FaultMode, FaultStep } from './memchain/faults.ts';
export type { TxRecord } from './memchain/chain.ts';
export { MemChainDriver, type MemChainDriverOptions } from './memchain/driver/memchain-driver.ts';
export { canonicalMemAddress, isMemAddress, newMemAddress } from './memchain/codec.ts';
export { MAX_BATCH as MEMCHAIN_MAX_BATCH } from './memchain/token.ts';
export {
  startAnvil,
  anvilBinary,
  DEVNET_POOL_SWEEP_MS,
  anvilRpc,
  anvilCheats,
  AnvilRpcError,
  ANVIL_DEV_ACCOUNTS,
  ANVIL_DEV_CHAIN_ID,
  MULTICALL3_ADDRESS,
  installMulticall3,
} from './anvil/index.ts';
export type { AnvilNode, AnvilOptions, AnvilCheats } from './anvil/index.ts';
export {
  startLocalHorizon,
  LocalLedger,
  LOCAL_PASSPHRASE,
  FRIENDBOT_STARTING_BALANCE,
  type LocalHorizon,
  type LocalHorizonOptions,
  type LocalLedgerOptions,
  type SubmitAnswer,
} from './horizon/index.ts';
export {
  startSubnetEvm,
  notAllowListed,
  notAllowedDeployer,
  insufficientFunds,
  nonceTooLow,
  cannotModifyAllowList,
  cannotMint,
  DEPLOYER_ALLOW_LIST,
  NATIVE_MINTER,
  TX_ALLOW_LIST,
  ROLE as ALLOW_LIST_ROLE,
  loadStandIns as loadPrecompileStandIns,
  type SubnetEvmNode,
  type SubnetEvmOptions,
  type SubnetEvmGenesisLike,
} from './subnet-evm/index.ts';
export {
  startPChain,
  devValidator,
  type DevValidator,
  PChainState,
  PLATFORM_CHAIN_ID,
  LOCAL_NETWORK_ID,
  DEV_AVAX_ASSET_ID,
  LOCAL_FEE_CONFIG,
  gasPrice,
  conversionId,
  appendId,
  txIdOf,
  type PChainOptions,
  type PChainServer,
  type ChainRecord,
  type SubnetRecord,
  type FeeConfig as PChainFeeConfig,
} from './pchain/index.ts';
