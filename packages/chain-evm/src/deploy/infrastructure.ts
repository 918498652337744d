import { AbiCoder, ZeroAddress, keccak256 } from 'ethers';
import { abi, interfaceOf } from '../contracts/abi.ts';
import { fiscusArtifact, onchainIdArtifact, trexArtifact, type Artifact } from '../contracts/artifacts.ts';
import type { KeyRole } from '@fiscus/core';
import { GATE_ROLE_IDS, gateSelectorTable } from '../roles/gate.ts';
import type { AdminSender } from './admin-tx.ts';
import type { EvmSettlementToken } from '../settlement/config.ts';

/** Contracts shared by every fund on one chain; deployed once per chain, then passed as configuration. */
export interface EvmInfrastructure {
  trexFactory: string;
  idFactory: string;
  /** ONCHAINID implementation authority: part of every investor identity's CREATE2 address. */
  identityAuthority: string;
  claimIssuer: string;
  onboarder: string;
  /**
   * FiscusAgentGate: the agent of every fund's token and IdentityRegistry, the onboarder's owner
   * and the NAV feeds' updater, forwarding per role (src/roles/gate.ts). Absent on a record from
   * before the gate (e.g. an older Avalanche L1 record, whose gatekeeper owns the onboarder): the
   * operator key is then the agent.
   */
  agentGate?: string;
  modules: { jurisdiction: string; holdings: string; lockup: string };
  /**
   * The stablecoin funds on this chain settle in (issue 12): the real USDC's address on a real
   * network (set in the record), our FiscusUSDC on a devnet (ensureInfrastructure `localSettlement`).
   * Absent: no fund settles on chain here (no subscription / redemption contracts are deployed).
   */
  settlement?: EvmSettlementToken;
}

const PURPOSE_CLAIM = 3n;
const KEY_ECDSA = 1n;
const keyOf = (address: string) => keccak256(AbiCoder.defaultAbiCoder().encode(['address'], [address]));

/**
 * Deploys T-REX (implementations, implementation authority, TREXFactory), ONCHAINID (identity
 * implementation, authority, factory), the platform's ClaimIssuer, our onboarder and our three
 * compliance modules behind T-REX ModuleProxy. Sequential: one admin key, one nonce stream.
 */
export async function deployInfrastructure(
  admin: AdminSender,
  roles: {
    operator: string;
    claimSigner: string;
    gateRoles?: Record<KeyRole, string>;
    /**
     * More selectors for the gate's table (a chain's own contract the gate is to reach, e.g. the
     * Avalanche L1 gatekeeper's `execute`, reachable by the compliance role only).
     */
    gateExtraSelectors?: { selector: string; role: KeyRole }[];
  },
): Promise<EvmInfrastructure> {
  const impl: Record<string, string> = {};
  for (const name of ['Token', 'ClaimTopicsRegistry', 'TrustedIssuersRegistry', 'IdentityRegistryStorage', 'IdentityRegistry', 'ModularCompliance'] as const) {
    impl[name] = await admin.deploy(trexArtifact(name));
  }
  const trexIA = await admin.deploy(trexArtifact('TREXImplementationAuthority'), true, ZeroAddress, ZeroAddress);
  await admin.call(
    trexIA,
    abi.trexIA.encodeFunctionData('addAndUseTREXVersion', [
      { major: 4, minor: 0, patch: 0 },
      {
        tokenImplementation: impl.Token,
        ctrImplementation: impl.ClaimTopicsRegistry,
        irImplementation: impl.IdentityRegistry,
        irsImplementation: impl.IdentityRegistryStorage,
        tirImplementation: impl.TrustedIssuersRegistry,
        mcImplementation: impl.ModularCompliance,
      },
    ]),
  );

  const identityImpl = await admin.deploy(onchainIdArtifact('Identity'), admin.address, true);
  const identityAuthority = await admin.deploy(onchainIdArtifact('ImplementationAuthority'), identityImpl);
  const idFactory = await admin.deploy(onchainIdArtifact('Factory'), identityAuthority);
  const trexFactory = await admin.deploy(trexArtifact('TREXFactory'), trexIA, idFactory);
  await admin.call(idFactory, abi.idFactory.encodeFunctionData('addTokenFactory', [trexFactory]));

  const claimIssuer = await admin.deploy(onchainIdArtifact('ClaimIssuer'), admin.address);
  if (roles.claimSigner.toLowerCase() !== admin.address.toLowerCase()) {
    await admin.call(claimIssuer, abi.claimIssuer.encodeFunctionData('addKey', [keyOf(roles.claimSigner), PURPOSE_CLAIM, KEY_ECDSA]));
  }

  // The onboarder creates every investor identity, so it must own the identity factory.
  const onboarder = await admin.deploy(fiscusArtifact('FiscusOnboarder'), idFactory);
  await admin.call(idFactory, abi.idFactory.encodeFunctionData('transferOwnership', [onboarder]));
  // Authorize operations are signed through the engine: by the compliance key through the gate,
  // or (no gate) by the operator key.
  const agentGate = roles.gateRoles ? await deployAgentGate(admin, roles.gateRoles, roles.gateExtraSelectors) : undefined;
  await admin.call(onboarder, abi.onboarder.encodeFunctionData('transferOwnership', [agentGate ?? roles.operator]));

  const modules = {
    jurisdiction: await deployModule(admin, fiscusArtifact('JurisdictionModule')),
    holdings: await deployModule(admin, fiscusArtifact('HoldingsModule')),
    lockup: await deployModule(admin, fiscusArtifact('LockupModule')),
  };
  return { trexFactory, idFactory, identityAuthority, claimIssuer, onboarder, modules, ...(agentGate ? { agentGate } : {}) };
}

/** Implementation + ModuleProxy(impl, initialize()), as T-REX deploys its upgradeable modules. */
async function deployModule(admin: AdminSender, artifact: Artifact): Promise<string> {
  const implementation = await admin.deploy(artifact);
  return admin.deploy(trexArtifact('ModuleProxy'), implementation, interfaceOf(artifact).encodeFunctionData('initialize'));
}

/** The gate with its fixed selector table (plus `extra`), admin = the deployer, and each role's first key. */
async function deployAgentGate(admin: AdminSender, holders: Record<KeyRole, string>, extra: { selector: string; role: KeyRole }[] = []): Promise<string> {
  const table = gateSelectorTable();
  const selectors = [...table.selectors, ...extra.map((x) => x.selector)];
  const roles = [...table.roles, ...extra.map((x) => GATE_ROLE_IDS[x.role])];
  const gate = await admin.deploy(fiscusArtifact('FiscusAgentGate'), admin.address, selectors, roles);
  for (const [role, account] of Object.entries(holders) as [KeyRole, string][]) {
    await admin.call(gate, abi.agentGate.encodeFunctionData('grantRole', [GATE_ROLE_IDS[role], account]));
  }
  return gate;
}
