import { Interface } from 'ethers';
import { fiscusArtifact, onchainIdArtifact, trexArtifact } from './artifacts.ts';

/** ABI coders, built once: prepare() encodes calldata on every operation. */
export const abi = {
  token: new Interface(trexArtifact('Token').abi),
  identityRegistry: new Interface(trexArtifact('IdentityRegistry').abi),
  compliance: new Interface(trexArtifact('ModularCompliance').abi),
  trexFactory: new Interface(trexArtifact('TREXFactory').abi),
  trexIA: new Interface(trexArtifact('TREXImplementationAuthority').abi),
  idFactory: new Interface(onchainIdArtifact('Factory').abi),
  claimIssuer: new Interface(onchainIdArtifact('ClaimIssuer').abi),
  onboarder: new Interface(fiscusArtifact('FiscusOnboarder').abi),
  jurisdiction: new Interface(fiscusArtifact('JurisdictionModule').abi),
  holdings: new Interface(fiscusArtifact('HoldingsModule').abi),
  lockup: new Interface(fiscusArtifact('LockupModule').abi),
  navFeed: new Interface(fiscusArtifact('FiscusNavFeed').abi),
  agentGate: new Interface(fiscusArtifact('FiscusAgentGate').abi),
  usdc: new Interface(fiscusArtifact('FiscusUSDC').abi),
  subscription: new Interface(fiscusArtifact('FiscusSubscription').abi),
  redemption: new Interface(fiscusArtifact('FiscusRedemption').abi),
} as const;

/** A coder for any artifact's ABI (tools and benches; the driver uses the prebuilt ones above). */
export const interfaceOf = (artifact: { abi: ConstructorParameters<typeof Interface>[0] }) => new Interface(artifact.abi);
