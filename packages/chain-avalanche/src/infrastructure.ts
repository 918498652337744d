import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { InterfaceAbi } from 'ethers';
import { KEY_ROLES, type KeyRole, type Signer } from '@fiscus/core';
import {
  AdminSender,
  GATE_ROLE_IDS,
  createEvmProvider,
  deployInfrastructure,
  evmAbi,
  readContract,
  signerAddress,
  type EvmInfrastructure,
} from '@fiscus/chain-evm';
import { allowListAbi, gatekeeperAbi, gatekeeperArtifact, nativeMinterAbi } from './contracts.ts';
import { PRECOMPILES } from './genesis.ts';
import { ROLE, readRole, type AllowListName } from './precompiles.ts';

/**
 * EVM infrastructure on the L1, plus the gatekeeper (the TxAllowList / NativeMinter side of an
 * operation). A record with an `agentGate` (every deployment since issue 13) splits the token-level
 * roles as chain-evm does: the gate is agent of every token and IdentityRegistry, owner of the
 * onboarder, updater of the NAV feeds AND the gatekeeper's owner; the gatekeeper holds the gate's
 * COMPLIANCE role. A record without one (older deployments) keeps the operator as agent and the
 * gatekeeper (owner = operator) as the onboarder's owner.
 */
export interface AvalancheInfrastructure extends EvmInfrastructure {
  gatekeeper: string;
}

/** Gas coin given to a configured role key holding less than a tenth of it (they pay their own gas). */
export const ROLE_KEY_FUNDING = 10n * 10n ** 18n;

/**
 * Deploys (once) what every fund on the L1 shares, then makes sure of the chain-level roles:
 * 1. the ERC-3643 infrastructure with a FiscusAgentGate whose table also maps the gatekeeper's
 *    `execute` to COMPLIANCE (the gate owns the onboarder); each role's first key holds its role
 *    (default: the operator);
 * 2. the gatekeeper, owner = the gate, and the gate's COMPLIANCE role granted to it (so it forwards
 *    compliance calls only: onboarding, offboarding, recovery, freezes);
 * 3. the allow-list admin makes the gatekeeper Manager of TxAllowList and Enabled on NativeMinter,
 *    sets every configured role key Enabled on TxAllowList (compliance keys on the
 *    ContractDeployerAllowList too: onboarding creates an identity with their tx.origin) and mints
 *    ROLE_KEY_FUNDING to a key holding less than a tenth of it.
 * The admin (deployer) key must be Enabled on ContractDeployerAllowList and TxAllowList (genesis).
 * Re-running skips what is done; a record whose contracts still have code is reused (a record
 * without a gate is kept as it is: step 3 only).
 */
export async function ensureAvalancheInfrastructure(p: {
  url: string;
  chainId: bigint;
  admin: Signer;
  operator: Signer;
  allowListAdmin: Signer;
  claimSigner?: Signer;
  /** Each gate role's keys (the first holds the role at deployment; the rest are rotation targets); default the operator. */
  roleKeys?: Partial<Record<KeyRole, Signer[]>>;
  recordPath?: string;
}): Promise<AvalancheInfrastructure> {
  const provider = createEvmProvider(p.url, p.chainId);
  try {
    let infra: AvalancheInfrastructure | undefined;
    let reused = false;
    if (p.recordPath && existsSync(p.recordPath)) {
      const recorded = JSON.parse(readFileSync(p.recordPath, 'utf8')) as AvalancheInfrastructure;
      const addresses = [
        recorded.gatekeeper,
        ...(recorded.agentGate ? [recorded.agentGate] : []),
        recorded.trexFactory,
        recorded.idFactory,
        recorded.onboarder,
        recorded.claimIssuer,
        ...Object.values(recorded.modules),
      ];
      if ((await Promise.all(addresses.map((a) => provider.getCode(a)))).every((c) => c !== '0x')) infra = recorded;
      reused = infra !== undefined;
    }
    const operator = signerAddress(p.operator);
    const firstKey = (role: KeyRole) => (p.roleKeys?.[role]?.[0] ? signerAddress(p.roleKeys[role][0]) : operator);
    const admin = new AdminSender(provider, p.admin, p.chainId);
    if (!infra) {
      const gateRoles = Object.fromEntries(KEY_ROLES.map((r) => [r, firstKey(r)])) as Record<KeyRole, string>;
      const art = gatekeeperArtifact();
      const gatekeeperExecute = gatekeeperAbi().getFunction('execute')!.selector;
      const evm = await deployInfrastructure(admin, {
        operator,
        claimSigner: signerAddress(p.claimSigner ?? p.admin),
        gateRoles,
        gateExtraSelectors: [{ selector: gatekeeperExecute, role: 'compliance' }],
      });
      const gatekeeper = await admin.deploy({ abi: art.abi as InterfaceAbi, bytecode: art.bytecode }, evm.agentGate!);
      infra = { ...evm, gatekeeper };
    }
    if (
      infra.agentGate &&
      !(await readContract<boolean>(provider, evmAbi.agentGate, infra.agentGate, 'hasRole', [GATE_ROLE_IDS.compliance, infra.gatekeeper]))
    ) {
      await admin.call(infra.agentGate, evmAbi.agentGate.encodeFunctionData('grantRole', [GATE_ROLE_IDS.compliance, infra.gatekeeper]));
    }
    const listAdmin = new AdminSender(provider, p.allowListAdmin, p.chainId);
    const enable = async (list: AllowListName, address: string, role: 'Manager' | 'Enabled') => {
      if ((await readRole(provider, list, address)) === ROLE.None) {
        await listAdmin.call(PRECOMPILES[list], allowListAbi.encodeFunctionData(`set${role}`, [address]));
      }
    };
    await enable('txAllowList', infra.gatekeeper, 'Manager');
    await enable('contractNativeMinter', infra.gatekeeper, 'Enabled');
    if (infra.agentGate) {
      for (const role of KEY_ROLES) {
        for (const key of p.roleKeys?.[role] ?? []) {
          const address = signerAddress(key);
          await enable('txAllowList', address, 'Enabled');
          if (role === 'compliance') await enable('contractDeployerAllowList', address, 'Enabled');
          if ((await provider.getBalance(address)) < ROLE_KEY_FUNDING / 10n) {
            await listAdmin.call(PRECOMPILES.contractNativeMinter, nativeMinterAbi.encodeFunctionData('mintNativeCoin', [address, ROLE_KEY_FUNDING]));
          }
        }
      }
    }
    // Only a new deployment is written, and by rename: API and worker processes sharing the data dir
    // start together and read this file, and a rewrite in place let one read it empty (found by the soak).
    if (p.recordPath && !reused) writeRecordAtomically(p.recordPath, infra);
    return infra;
  } finally {
    provider.destroy();
  }
}

/** Writes beside the record, then renames: a reader sees the old file or the new one, never a half-written one. */
function writeRecordAtomically(path: string, infra: AvalancheInfrastructure): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(infra, null, 2)}\n`);
  renameSync(tmp, path);
}
