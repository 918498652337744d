export { startSubnetEvm, type SubnetEvmNode, type SubnetEvmOptions } from './node.ts';
export { startGate, notAllowListed, notAllowedDeployer, type Gate, type GateOptions } from './gate.ts';
export {
  DEPLOYER_ALLOW_LIST,
  NATIVE_MINTER,
  TX_ALLOW_LIST,
  ROLE,
  MINTER_RESERVE,
  anvilGenesis,
  allowListStorage,
  configuredPrecompiles,
  type SubnetEvmGenesisLike,
  type AllowListGenesis,
} from './precompiles.ts';
export { loadStandIns, type StandInArtifacts } from './compile.ts';
export { insufficientFunds, nonceTooLow, cannotModifyAllowList, cannotMint, roleString } from './messages.ts';
