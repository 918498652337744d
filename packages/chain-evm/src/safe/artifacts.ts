import { createRequire } from 'node:module';
import { Interface } from 'ethers';
import type { Artifact } from '../contracts/artifacts.ts';

const require_ = createRequire(import.meta.url);
const BUILD = '@safe-global/safe-smart-account/build/artifacts/contracts';

/**
 * The audited Safe contracts, from the compiled artifacts shipped in the pinned npm package
 * (@safe-global/safe-smart-account 1.5.0, LGPL-3.0): deployed as they are, never recompiled.
 */
export const safeArtifact = (): Artifact => require_(`${BUILD}/Safe.sol/Safe.json`) as Artifact;
export const safeProxyFactoryArtifact = (): Artifact => require_(`${BUILD}/proxies/SafeProxyFactory.sol/SafeProxyFactory.json`) as Artifact;

export const safeAbi = {
  safe: new Interface(safeArtifact().abi),
  proxyFactory: new Interface(safeProxyFactoryArtifact().abi),
};
