import { createRequire } from 'node:module';
import type { InterfaceAbi } from 'ethers';
import type { DeployableName } from './compile.ts';

const require_ = createRequire(import.meta.url);

export interface Artifact {
  abi: InterfaceAbi;
  bytecode: string;
}

type TrexName =
  | 'Token'
  | 'ClaimTopicsRegistry'
  | 'TrustedIssuersRegistry'
  | 'IdentityRegistryStorage'
  | 'IdentityRegistry'
  | 'ModularCompliance'
  | 'TREXImplementationAuthority'
  | 'TREXFactory'
  | 'ModuleProxy'
  // T-REX's own (CC-BY-NC) modules: for gas comparisons in the bench only, never deployed by the product.
  | 'CountryRestrictModule'
  | 'MaxBalanceModule';
type OnchainIdName = 'Identity' | 'ImplementationAuthority' | 'Factory' | 'ClaimIssuer' | 'IdentityProxy';

// Loaded lazily: the T-REX bundle is large and most importers only need our own artifacts.
let trex: Record<string, Artifact> | undefined;
let oid: Record<string, Artifact> | undefined;

/** Reference ERC-3643 suite, from the artifacts shipped in @tokenysolutions/t-rex (never recompiled). */
export function trexArtifact(name: TrexName): Artifact {
  trex ??= (require_('@tokenysolutions/t-rex') as { contracts: Record<string, Artifact> }).contracts;
  return trex[name]!;
}

/** ONCHAINID, from @onchain-id/solidity (its identity factory is exported as `Factory`). */
export function onchainIdArtifact(name: OnchainIdName): Artifact {
  oid ??= (require_('@onchain-id/solidity') as { contracts: Record<string, Artifact> }).contracts;
  return oid[name]!;
}

/** Our contracts, from the committed JSON under packages/chain-evm/artifacts/. */
export function fiscusArtifact(name: DeployableName): Artifact {
  return require_(`../../artifacts/${name}.json`) as Artifact;
}
